package org.graalpyos.functions.grp;

import java.util.List;

import org.graalpyos.functions.PythonFunction;

/**
 * CPython 3.12's grp module (Modules/grpmodule.c): graalpy_os/grp_.py is the body (it converts
 * the id as _Py_Gid_Converter, encodes the name as PyUnicode_EncodeFSDefault, decodes entries as
 * PyUnicode_DecodeFSDefault into grp.struct_group) over getgrgid_r, getgrnam_r and getgrent.
 */
public final class Groups {
    private Groups() {
    }

    private static PythonFunction grp(String declaration, String doc) {
        return new PythonFunction("grp_", declaration, doc);
    }

    public static List<PythonFunction> python() {
        return List.of(
                        grp("grp.getgrgid(id: object) -> object", """
                                        Return the group database entry for the given numeric group ID.

                                        If id is not valid, raise KeyError."""),
                        grp("grp.getgrnam(name: unicode) -> object", """
                                        Return the group database entry for the given group name.

                                        If name is not valid, raise KeyError."""),
                        grp("grp.getgrall() -> object", """
                                        Return a list of all available group entries, in arbitrary order.

                                        An entry whose name starts with '+' or '-' represents an instruction
                                        to use YP/NIS and may not be accessible via getgrnam or getgrgid."""));
    }
}

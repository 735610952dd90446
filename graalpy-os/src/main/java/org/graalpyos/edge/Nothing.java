package org.graalpyos.edge;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** A builtin's "-> None": Python sees None. */
@ExportLibrary(InteropLibrary.class)
final class Nothing implements TruffleObject {
    static final Nothing INSTANCE = new Nothing();

    private Nothing() {
    }

    @ExportMessage
    boolean isNull() {
        return true;
    }
}

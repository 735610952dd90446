package org.graalpyos.nativeapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a constant that must equal a C expression on this glibc: a size, an offset, a flag, an
 * errno or signal number. NativeLayoutTest compiles every marked constant's expression with gcc
 * and compares, so a hand-written number cannot drift from the headers. Kept at run time: the
 * public marked fields of a module's constants class are the module's constants in Python
 * (org.graalpyos.functions.Functions).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface CConstant {
    /** The C expression; empty: the field's name is a macro of the same value. */
    String value() default "";
}

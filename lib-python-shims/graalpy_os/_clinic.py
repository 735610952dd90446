"""CPython 3.12's argument-count and keyword errors (Python/getargs.c, Objects/methodobject.c) for the shims.

A Python def reports a bad call in its own words ("missing 1 required positional argument"); a
CPython builtin reports it through the parser its argument clinic chose. Each decorator here
checks a call the way one of those parsers does and then calls the function; the function's own
signature says which parameters are positional-only, keyword-only or optional.
"""

import functools


def _plural(count):
    return "" if count == 1 else "s"


def _shape(function):
    code = function.__code__
    names = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
    return code.co_posonlyargcount, code.co_argcount - len(function.__defaults__ or ()), code.co_argcount, names


def no_arguments(function):
    """METH_NOARGS: "posix.wait() takes no arguments (1 given)"."""
    qualified = "posix.%s()" % function.__name__

    @functools.wraps(function)
    def checked(*args, **kwargs):
        if kwargs:
            raise TypeError(qualified + " takes no keyword arguments")
        if args:
            raise TypeError("%s takes no arguments (%d given)" % (qualified, len(args)))
        return function()

    return checked


def one_argument(function):
    """METH_O: one positional argument."""
    qualified = "posix.%s()" % function.__name__

    @functools.wraps(function)
    def checked(*args, **kwargs):
        if kwargs:
            raise TypeError(qualified + " takes no keyword arguments")
        if len(args) != 1:
            raise TypeError("%s takes exactly one argument (%d given)" % (qualified, len(args)))
        return function(*args)

    return checked


def positional(function):
    """METH_FASTCALL with _PyArg_ParseStack: positional-only, all required (waitpid, waitid)."""
    qualified = "posix.%s()" % function.__name__
    _, _, count, _ = _shape(function)

    @functools.wraps(function)
    def checked(*args, **kwargs):
        if kwargs:
            raise TypeError(qualified + " takes no keyword arguments")
        if len(args) != count:
            raise TypeError("%s() takes exactly %d argument%s (%d given)"
                            % (function.__name__, count, _plural(count), len(args)))
        return function(*args)

    return checked


def keywords(function):
    """_PyArg_UnpackKeywords: the parser of clinic functions that accept keywords."""
    name = function.__name__
    posonly, minpos, maxpos, names = _shape(function)
    maxargs = len(names)
    keyword_names = names[posonly:]

    @functools.wraps(function)
    def checked(*args, **kwargs):
        nargs = len(args)
        if kwargs or not minpos <= nargs <= maxpos:
            if nargs + len(kwargs) > maxargs:
                raise TypeError("%s() takes at most %d %sargument%s (%d given)" % (
                    name, maxargs, "keyword " if nargs == 0 else "", _plural(maxargs), nargs + len(kwargs)))
            if nargs > maxpos:
                if maxpos == 0:
                    raise TypeError("%s() takes no positional arguments" % name)
                raise TypeError("%s() takes %s %d positional argument%s (%d given)" % (
                    name, "at most" if minpos < maxpos else "exactly", maxpos, _plural(maxpos), nargs))
            minposonly = min(posonly, minpos)
            if nargs < minposonly:
                raise TypeError("%s() takes %s %d positional argument%s (%d given)" % (
                    name, "at least" if minposonly < maxpos else "exactly", minposonly, _plural(minposonly),
                    nargs))
            found = 0
            for i in range(max(nargs, posonly), maxargs):
                if names[i] in kwargs:
                    found += 1
                elif i < minpos:
                    raise TypeError("%s() missing required argument '%s' (pos %d)" % (name, names[i], i + 1))
            if found < len(kwargs):
                _unexpected_keyword(name, names, posonly, nargs, kwargs, keyword_names)
        return function(*args, **kwargs)

    return checked


def legacy_keywords(*converters):
    """_PyArg_ParseStackAndKeywords (a format string, e.g. wait4's pid_t): each argument is
    converted as soon as it is found, so a bad first argument is reported before a missing second."""

    def decorate(function):
        name = function.__name__
        posonly, minpos, _, names = _shape(function)

        @functools.wraps(function)
        def checked(*args, **kwargs):
            nargs = len(args)
            if nargs + len(kwargs) > len(names):
                raise TypeError("%s() takes at most %d %sargument%s (%d given)" % (
                    name, len(names), "keyword " if nargs == 0 else "", _plural(len(names)), nargs + len(kwargs)))
            values = []
            for i, (parameter, convert) in enumerate(zip(names, converters)):
                if i < nargs:
                    value = args[i]
                elif parameter in kwargs and i >= posonly:
                    value = kwargs[parameter]
                elif i < minpos:
                    raise TypeError("%s() missing required argument '%s' (pos %d)" % (name, parameter, i + 1))
                else:
                    break
                values.append(convert(value))
            if any(key not in names[nargs:] for key in kwargs):
                _unexpected_keyword(name, names, posonly, nargs, kwargs, names[posonly:])
            return function(*values)

        return checked

    return decorate


def _unexpected_keyword(name, names, posonly, nargs, kwargs, keyword_names):
    for i in range(posonly, nargs):
        if names[i] in kwargs:
            raise TypeError("argument for %s() given by name ('%s') and position (%d)" % (name, names[i], i + 1))
    for key in kwargs:
        if key not in keyword_names:
            raise TypeError("'%s' is an invalid keyword argument for %s()" % (key, name))

"""CPython 3.12's argument-count and keyword errors (Python/getargs.c, Objects/methodobject.c).

A Python def reports a bad call in its own words ("missing 1 required positional argument"); a
CPython builtin reports it through the parser its argument clinic chose from the function's
signature. bind() is that parser: the wrappers generated from the declarations
(org.graalpyos.edge.PythonWrappers) call it only when a call is not the plain positional one, and
the keywords decorator below applies it to the one shim still parsed by hand (posix_spawn, D15),
whose own signature says which parameters are positional-only, keyword-only or optional.

A spec is (parser, qualified name, name, parameter names, positional-only count, required
count, positional count, defaults of the last parameters, converters). The parsers:
  noargs             METH_NOARGS: "posix.wait() takes no arguments (1 given)"
  o                  METH_O: "posix.setuid() takes exactly one argument (0 given)"
  positional         _PyArg_CheckPositional: "setresuid expected 3 arguments, got 2"
  legacy_positional  _PyArg_ParseStack (a format-unit converter such as pid_t):
                     "waitpid() takes exactly 2 arguments (1 given)"
  keywords           _PyArg_UnpackKeywords
  legacy_keywords    _PyArg_ParseStackAndKeywords (a format-unit converter with keywords, wait4):
                     each argument converted (by the spec's converters) as soon as it is found,
                     so a bad first argument is reported before a missing second
"""

import functools


def _plural(count):
    return "" if count == 1 else "s"


def bind(spec, args, kwargs):
    """The call's arguments in declared order, defaults filled in, or CPython's TypeError."""
    parser, qualified, name, names, posonly, required, maxpos, defaults, _ = spec
    nargs = len(args)
    if parser == "keywords":
        return _unpack_keywords(spec, args, kwargs)
    if parser == "legacy_keywords":
        return _parse_stack_and_keywords(spec, args, kwargs)
    if kwargs:
        raise TypeError(qualified + " takes no keyword arguments")
    if parser == "noargs":
        if nargs:
            raise TypeError("%s takes no arguments (%d given)" % (qualified, nargs))
    elif parser == "o":
        if nargs != 1:
            raise TypeError("%s takes exactly one argument (%d given)" % (qualified, nargs))
    elif not required <= nargs <= maxpos:
        bound = required if nargs < required else maxpos
        if parser == "positional":
            raise TypeError("%s expected %s%d argument%s, got %d" % (
                name, "" if required == maxpos else "at least " if nargs < required else "at most ",
                bound, _plural(bound), nargs))
        raise TypeError("%s() takes %s %d argument%s (%d given)" % (
            name, "exactly" if required == maxpos else "at least" if nargs < required else "at most",
            bound, _plural(bound), nargs))
    return args + defaults[len(defaults) - (len(names) - nargs):] if nargs < len(names) else args


def _unpack_keywords(spec, args, kwargs):
    _, _, name, names, posonly, minpos, maxpos, defaults, _ = spec
    nargs = len(args)
    maxargs = len(names)
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
            name, "at least" if minposonly < maxpos else "exactly", minposonly, _plural(minposonly), nargs))
    values = list(args)
    found = 0
    first_default = maxargs - len(defaults)
    for i in range(nargs, maxargs):
        parameter = names[i]
        if parameter in kwargs and i >= posonly:
            found += 1
            values.append(kwargs[parameter])
        elif i < minpos or i < first_default:
            raise TypeError("%s() missing required argument '%s' (pos %d)" % (name, parameter, i + 1))
        else:
            values.append(defaults[i - first_default])
    if found < len(kwargs):
        _unexpected_keyword(name, names, posonly, nargs, kwargs)
    return tuple(values)


def _parse_stack_and_keywords(spec, args, kwargs):
    _, _, name, names, posonly, minpos, _, defaults, converters = spec
    nargs = len(args)
    if nargs + len(kwargs) > len(names):
        raise TypeError("%s() takes at most %d %sargument%s (%d given)" % (
            name, len(names), "keyword " if nargs == 0 else "", _plural(len(names)), nargs + len(kwargs)))
    values = []
    first_default = len(names) - len(defaults)
    for i, (parameter, convert) in enumerate(zip(names, converters)):
        if i < nargs:
            value = args[i]
        elif parameter in kwargs and i >= posonly:
            value = kwargs[parameter]
        elif i < minpos:
            raise TypeError("%s() missing required argument '%s' (pos %d)" % (name, parameter, i + 1))
        else:
            values.append(defaults[i - first_default])
            continue
        values.append(convert(value) if convert else value)
    if any(key not in names[nargs:] for key in kwargs):
        _unexpected_keyword(name, names, posonly, nargs, kwargs)
    return tuple(values)


def _unexpected_keyword(name, names, posonly, nargs, kwargs):
    for i in range(posonly, nargs):
        if names[i] in kwargs:
            raise TypeError("argument for %s() given by name ('%s') and position (%d)" % (name, names[i], i + 1))
    for key in kwargs:
        if key not in names[posonly:]:
            raise TypeError("'%s' is an invalid keyword argument for %s()" % (key, name))


def _spec(parser, function):
    """The spec of a hand-written shim, from its own signature (keyword-only parameters keyword-only, required ones without defaults)."""
    code = function.__code__
    names = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
    defaults = function.__defaults__ or ()
    kwdefaults = function.__kwdefaults__ or {}
    all_defaults = defaults + tuple(kwdefaults[n] for n in names[code.co_argcount:] if n in kwdefaults)
    return (parser, "posix.%s()" % function.__name__, function.__name__, names, code.co_posonlyargcount,
            code.co_argcount - len(defaults), code.co_argcount, all_defaults, (None,) * len(names))


def _checked(parser, function):
    spec = _spec(parser, function)
    keyword_only = spec[3][spec[6]:]

    @functools.wraps(function)
    def checked(*args, **kwargs):
        values = bind(spec, args, kwargs)
        if keyword_only:
            count = spec[6]
            return function(*values[:count], **dict(zip(keyword_only, values[count:])))
        return function(*values)

    return checked


def keywords(function):
    """_PyArg_UnpackKeywords: the parser of clinic functions that accept keywords."""
    return _checked("keywords", function)

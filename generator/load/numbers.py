"""Numbers as a person reads them. An unquoted value is a number only when it is written in
decimal digits, with a sign and a decimal point at most: `070` is 70 (not YAML 1.1's octal 56),
`4.0` is the whole number 4. YAML 1.1's other notations (`0x46`, `0b1000110`, sexagesimal
`1:10`, `1_000`, `.inf`, `.nan`) are text, and a number field holding one is refused with the
decimal number to write instead."""

from __future__ import annotations

import math
import re

import yaml

INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"

# At most 18 digits on each side: no score, star count or coordinate is longer, and Python
# refuses to convert very long digit strings.
_INT = re.compile(r"[-+]?[0-9]{1,18}")
_FLOAT = re.compile(r"[-+]?(?:[0-9]{1,18}\.[0-9]{0,18}|\.[0-9]{1,18})")
_DECIMAL_COMMA = re.compile(r"[-+]?[0-9]{1,18},[0-9]{1,18}")
_YAML11 = yaml.resolver.Resolver()
_CONSTRUCT = yaml.constructor.SafeConstructor()


def decimal_tag(text: str) -> str | None:
    """The tag of `text` written in decimal notation (int or float), else None."""
    if _INT.fullmatch(text):
        return INT_TAG
    if _FLOAT.fullmatch(text):
        return FLOAT_TAG
    return None


def read(text: str) -> int | float | str:
    """The number `text` is in decimal notation (a whole number as an int), else the text."""
    tag = decimal_tag(text)
    if tag == INT_TAG:
        return int(text)
    if tag == FLOAT_TAG:
        value = float(text)
        return int(value) if value.is_integer() else value
    return text


def decimal_for(text: str) -> str | None:
    """What to write for `text` when it reads as a number in another notation: YAML 1.1's
    (`0x46` and `1:10` give "70") or a decimal comma (`75,5` gives "75.5"); None otherwise."""
    if _DECIMAL_COMMA.fullmatch(text):
        value: float | int = float(text.replace(",", "."))
    else:
        tag = _YAML11.resolve(yaml.ScalarNode, text, (True, False))
        node = yaml.ScalarNode(tag, text)
        try:
            if tag == INT_TAG:
                value = _CONSTRUCT.construct_yaml_int(node)
            elif tag == FLOAT_TAG:
                value = _CONSTRUCT.construct_yaml_float(node)
            else:
                return None
        except (ValueError, OverflowError):  # digits beyond what Python converts
            return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        if value.is_integer():
            value = int(value)
    return str(value)

"""What parsed of a rejected case file: each field that validated on its own, so that the
consistency checks (:mod:`respond.case.consistency`) can run beside the schema problems and one run
lists every problem (case-file.md, "Errors").

:func:`salvage` walks the models field by field: a nested model is salvaged recursively, a list of
models item by item (positions kept, so ``loan.payments[3]`` is still index 3), any other field is
validated alone with the field's own type and constraints. A field that is missing takes its
default (``None`` when it is required), one that does not validate becomes ``None``. Cross-field
validators (``RateSpec``'s exactly-one-of, ``Fee``'s not-both) are not run: their problems are
already in the schema errors. The result is a read-only view with the models' attribute names; it
is never analysed, only checked for contradictions.
"""

from __future__ import annotations

import types
import typing
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError


class Partial(types.SimpleNamespace):
    """A salvaged model: the same attribute names, values that validated or ``None``."""


def _unwrap_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _model_of(annotation: Any) -> type[BaseModel] | None:
    inner = _unwrap_optional(annotation)
    return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None


def _list_model_of(annotation: Any) -> type[BaseModel] | None:
    inner = _unwrap_optional(annotation)
    if typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner) or (None,)
        return _model_of(item)
    return None


@lru_cache(maxsize=None)
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    info = model.model_fields[name]
    annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return TypeAdapter(annotation)


def salvage(model: type[BaseModel], data: Any) -> Partial | None:
    """The fields of ``data`` that validate as fields of ``model``; ``None`` if it is not an object."""
    if not isinstance(data, dict):
        return None
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key not in data:
            values[name] = None if info.is_required() else info.get_default(call_default_factory=True)
            continue
        raw = data[key]
        sub = _model_of(info.annotation)
        items = _list_model_of(info.annotation)
        if sub is not None and raw is not None:
            values[name] = salvage(sub, raw)
        elif items is not None and raw is not None:
            values[name] = [salvage(items, r) for r in raw] if isinstance(raw, list) else None
        else:
            try:
                values[name] = _adapter(model, name).validate_python(raw)
            except ValidationError:
                values[name] = None
    return Partial(**values)

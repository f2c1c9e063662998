"""A toy kind of data, added through the registry alone (tests/test_kinds.py)."""

from vitrine.directory.checks import KnownSlug, Localized
from vitrine.kinds import Kind
from vitrine.schema import Field, Number, Record, Text

KIND = Kind(
    name="trails",
    sections={"fr": "sentiers", "en": "trails"},
    schema=lambda refs: Record(fields=[
        Field("title", Localized(fields=[Field("fr", Text(max_length=100), default=""),
                                         Field("en", Text(max_length=100), default="")]),
              required=True, doc="Name of the trail."),
        Field("description", Localized(fields=[Field("fr", Text(), default=""),
                                               Field("en", Text(), default="")]),
              default=dict, doc="What walkers find."),
        Field("length_km", Number(0, 500, expected="a length in km"), required=True,
              doc="Length."),
        Field("municipality", KnownSlug(lambda: refs.towns, expected="a municipality of "
                                        "data/territory.yaml"), doc="Where it starts."),
    ]),
    doc="One file per hiking trail.",
)

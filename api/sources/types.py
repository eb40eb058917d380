"""Source documents and the citations that tie facts to them."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry.types import Info

from api.context import ctx
from api.node import Node
from api.sources.dataloaders import citations_of, source_by_id
from graph import model
from loaders.synthetic.generate import is_synthetic


@strawberry.type(description="A document facts were taken from (press release, sign-in sheet).")
class Source(Node):
    id: strawberry.ID
    title: str
    file: str | None
    url: str | None
    published: date | None
    synthetic: bool = strawberry.field(
        default=False, description="True for a source `tpps generate` wrote: the facts "
        "citing it are a generated demo network, not a real release's.")

    @classmethod
    def of(cls, s: model.Source) -> Source:
        return cls(id=strawberry.ID(s.id), title=s.title, file=s.file, url=s.url,
                   published=s.published, synthetic=is_synthetic(s))


@strawberry.type(description="Where a fact is written: the source and the sentence itself.")
class Citation:
    source_id: strawberry.Private[str]
    excerpt: str | None = strawberry.field(description="The text the fact was read from.")
    start: int | None = strawberry.field(description="Character offset of the excerpt.")
    end: int | None

    @strawberry.field
    async def source(self, info: Info) -> Source | None:
        found = await ctx(info).loader(source_by_id).load(self.source_id)
        return Source.of(found) if found else None

    @classmethod
    def of(cls, c: model.Citation) -> Citation:
        return cls(source_id=c.source_id, excerpt=c.excerpt, start=c.start, end=c.end)


async def citations(info: Info, subject_id: str) -> list[Citation]:
    found = await ctx(info).loader(citations_of).load(subject_id)
    return [Citation.of(c) for c in found]

"""Claims for discourse-network analysis: one CSV row per claim, and a GraphML network written with networkx.

The network has actors (claimants; the outlet when it claims itself) and objects as nodes, and one edge per
(actor, object) pair, weighted by how many claims it stands for and signed by their stance (favour +, against
-, strength used when coded), so DNA-style networks open in Gephi, R (igraph) or networkx.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from annotator.domain import STANCE_VALUES
from annotator.formats import csvfile
from annotator.formats.csvfile import cell

COLUMNS = ("doc_id", "date", "source", "claimant", "object", "addressee", "type", "stance", "strength", "aspect",
           "evidence", "origin", "state", "analyst", "claim_id")  # fmt: skip
DATE_KEYS = ("date", "published", "published_at", "pub_date", "datetime", "time")


def date_of(meta: dict[str, Any]) -> str:
    """The document's date from its meta (the first of the usual keys that is set), else empty."""
    for key in DATE_KEYS:
        value = meta.get(key)
        if value not in (None, ""):
            return str(value)
    return ""


def outlet_of(meta: dict[str, Any]) -> str:
    """Who "the outlet" is for a claim the article makes in its own voice."""
    name = meta.get("outlet") or meta.get("publisher") or meta.get("source") or "the outlet"
    return f"outlet: {name}"


def _key(name: str) -> str:
    """How two mentions of one actor or object are recognised: case, spacing and a leading "the" ignored."""
    words = name.casefold().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def names_in(record: dict[str, Any]) -> dict[str, str]:
    """Within one document, each mention key -> the fullest name it stands for ("lukashenko" -> "Alexander
    Lukashenko" when the document names him in full): a surname alone is the same person."""
    texts = []
    for c in record.get("claims", []):
        for part in ("claimant", "object", "addressee"):
            if c.get(part):
                texts.append(" ".join(c[part]["text"].split()))
    full: dict[str, str] = {}
    for text in sorted(set(texts), key=lambda t: (-len(t.split()), t)):
        k = _key(text)
        if k in full:
            continue
        last = k.split()[-1] if k else ""
        longer = next((v for kk, v in full.items() if len(k.split()) == 1 and kk.split()[-1:] == [last]), None)
        full[k] = longer or text
    return full


def _name(record: dict[str, Any], claim: dict[str, Any], part: str, names: dict[str, str]) -> str:
    if part == "claimant" and claim.get("outlet") and not claim.get("claimant"):
        return outlet_of(record["meta"])
    mention = claim.get(part)
    if not mention:
        return ""
    text = " ".join(mention["text"].split())
    return names.get(_key(text), text)


def signed(claim: dict[str, Any]) -> float:
    """A claim's sign for the network: its strength when coded, else +1 favour, -1 against, 0 neutral or none."""
    if claim.get("strength") is not None:
        return float(claim["strength"])
    return float(STANCE_VALUES.get(claim.get("stance") or "", 0))


def csv_rows(record: dict[str, Any]) -> Iterable[list[Any]]:
    names = names_in(record)
    meta = record["meta"]
    for c in record.get("claims", []):
        evidence = " … ".join(e["text"] for e in c["evidence"])
        yield [record["id"], cell(date_of(meta)), cell(meta.get("source", "")), cell(_name(record, c, "claimant", names)),
               cell(_name(record, c, "object", names)), cell(_name(record, c, "addressee", names)), cell(c["type"]),
               cell(c["stance"]), c["strength"] if c["strength"] is not None else "", cell(c["aspect"]), cell(evidence),
               cell(c["origin"]), cell(c["state"]), cell(c["analyst"]), c["id"]]  # fmt: skip


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One row per claim (UTF-8 with a BOM, formula cells escaped); return the number of documents."""
    return csvfile.write(records, out, COLUMNS, csv_rows)


def network(records: Iterable[dict[str, Any]]) -> tuple[Any, int]:
    """The claim network as a networkx DiGraph, and the number of documents read.

    Nodes: ``kind`` actor / object / both, ``claims`` (how many claims name it). Edges actor -> object:
    ``weight`` (claims), ``sign`` (-1, 0, 1 of ``stance_sum``), ``stance_sum``, ``favour`` / ``against`` /
    ``neutral`` counts, ``types`` and ``documents`` (";"-joined).
    """
    import networkx as nx

    graph = nx.DiGraph()
    n = 0
    for record in records:
        n += 1
        names = names_in(record)
        for c in record.get("claims", []):
            actor, target = _name(record, c, "claimant", names), _name(record, c, "object", names)
            if not actor or not target:
                continue  # a claim with no claimant or no object has no edge to draw
            for node, kind in ((actor, "actor"), (target, "object")):
                if node not in graph:
                    graph.add_node(node, label=node, kind=kind, claims=0)
                elif graph.nodes[node]["kind"] != kind:
                    graph.nodes[node]["kind"] = "both"
                graph.nodes[node]["claims"] += 1
            if not graph.has_edge(actor, target):
                graph.add_edge(actor, target, weight=0, stance_sum=0.0, favour=0, against=0, neutral=0, types="",
                               documents="")
            edge = graph.edges[actor, target]
            edge["weight"] += 1
            edge["stance_sum"] += signed(c)
            stance = c.get("stance")
            if stance in ("favour", "against", "neutral"):
                edge[stance] += 1
            for attr, value in (("types", c["type"]), ("documents", str(record["id"]))):
                values = edge[attr].split(";") if edge[attr] else []
                if value not in values:
                    edge[attr] = ";".join([*values, value])
    for _, _, edge in graph.edges(data=True):
        edge["sign"] = (edge["stance_sum"] > 0) - (edge["stance_sum"] < 0)
    return graph, n


def write_graphml(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write the network as GraphML text; return the number of documents."""
    import networkx as nx

    graph, n = network(records)
    for line in nx.generate_graphml(graph, encoding="utf-8"):
        out.write(line + "\n")
    return n

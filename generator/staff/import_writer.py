"""Records of an import into data files: a new producer, product or certification is added, a
value an earlier import left unknown is completed, and nothing given before is overwritten."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.messages import say
from generator.problems import Problem
from generator.reference.data import Reference
from generator.render.search import fold
from generator.settings import Settings
from generator.staff.layout import DataRow
from generator.staff.matching import Entry, ProducerIndex
from generator.staff.scaffold import slugify, unique_id

if TYPE_CHECKING:
    from generator.staff.importer import Options, Plan, RowReader


def _derived(node: dict[str, Any], names: list[str]) -> None:
    """List `names` under the record's `derived` (values worked out, not read)."""
    if not names:
        return
    listed = node.setdefault("derived", CommentedSeq() if isinstance(node, CommentedMap) else [])
    for name in names:
        if name not in listed:
            listed.append(name)


def _put(node: dict[str, Any], position: int, key: str, value: Any) -> None:
    """Set `key` at `position` among the keys, as a staff member would have written it."""
    if isinstance(node, CommentedMap):
        node.insert(position, key, value)
        return
    items = list(node.items())
    items.insert(position, (key, value))
    node.clear()
    node.update(items)


class Writer:
    """Applies records to the producer files they belong to, in memory."""

    def __init__(
        self,
        settings: Settings,
        reference: Reference,
        index: ProducerIndex,
        options: Options,
        plan: Plan,
    ) -> None:
        from generator.staff.importer import round_trip_yaml

        self.settings = settings
        self.reference = reference
        self.index = index
        self.options = options
        self.plan = plan
        self.yaml = round_trip_yaml()
        self.documents: dict[Path, CommentedMap] = {}
        self.by_name: dict[Path, dict[str, CommentedMap]] = {}

    def document(self, file: Path) -> CommentedMap:
        if file not in self.documents:
            self.documents[file] = self.yaml.load(file.read_text(encoding="utf-8-sig"))
        return self.documents[file]

    def add(self, record: dict[str, Any], row: DataRow, reader: RowReader) -> list[Problem]:
        """Add one row's record; a producer that only looks like an existing one is a problem."""
        place = record["place"]
        province = place.province
        entry = self.index.find(province, record["producer"])
        if entry is None:
            near = self.index.similar(province, record["producer"])
            if near is not None and not self.options.allow_similar:
                return [
                    reader.problem(
                        row,
                        reader.layout.column("producer"),
                        "import-similar-producer",
                        value=record["producer"],
                        name=near.name,
                        producer=near.id,
                        file=near.file.relative_to(self.settings.root).as_posix(),
                    )
                ]
            entry = self._new_producer(record, row)
        data = self.document(entry.file)
        self._complete_producer(data, record, row, entry.file)
        self._product(data, record, row, entry.file)
        return []

    def _new_producer(self, record: dict[str, Any], row: DataRow) -> Entry:
        place = record["place"]
        producer_id = unique_id(slugify(record["producer"]), self.index.taken)
        file = self.settings.data_dir / "producers" / place.province / f"{producer_id}.yaml"
        data: dict[str, Any] = {}  # plain: a new file is written without ruamel.yaml
        data["id"] = producer_id
        data["name"] = record["producer"]
        if record.get("kind"):
            data["kind"] = record["kind"]
        address: dict[str, Any] = {}
        address["as_given"] = record["address"]
        address["province"] = place.province
        if place.commune:
            address["commune"] = place.commune
        if place.former:
            address["former"] = dict(place.former)
        data["address"] = address
        derived = [name for name in record["derived"] if name == "kind"]
        if place.province_derived:
            derived.append("address.province")
        if place.derived:
            derived.append("address.commune")
        _derived(data, derived)
        data["products"] = []
        self.documents[file] = data
        entry = Entry(producer_id, record["producer"], place.province, file)
        self.index.add(entry)
        self.plan.files[file] = data
        self.plan.changes.append(
            self.say("import-new-producer", name=record["producer"], id=producer_id, row=row)
        )
        return entry

    def _complete_producer(
        self, data: CommentedMap, record: dict[str, Any], row: DataRow, file: Path
    ) -> None:
        if "kind" not in data and record.get("kind"):
            _put(data, 2, "kind", record["kind"])
            if "kind" in record["derived"]:
                _derived(data, ["kind"])
            change = self.say(
                "import-producer-kind", name=data["name"], kind=record["kind"], row=row
            )
            self._changed(file, change)

    def say(self, key: str, row: DataRow, **params: Any) -> str:
        """One change line in the staff's language, naming the spreadsheet row it comes from."""
        return say(key, self.settings.lang, row=row.number, **params)

    def _changed(self, file: Path, change: str) -> None:
        self.plan.files[file] = self.documents[file]
        self.plan.changes.append(change)

    def _products(self, data: CommentedMap, file: Path) -> dict[str, CommentedMap]:
        """A producer's products by folded name (looked up once per file, not once per row)."""
        if file not in self.by_name:
            products = data.setdefault("products", [])
            self.by_name[file] = {
                fold(str(p.get("name", ""))): p for p in products if isinstance(p, dict)
            }
        return self.by_name[file]

    def _product(
        self, data: CommentedMap, record: dict[str, Any], row: DataRow, file: Path
    ) -> None:
        products = data.setdefault("products", [])
        known = self._products(data, file)
        product = known.get(fold(record["product"]))
        if product is None:
            product = CommentedMap() if isinstance(data, CommentedMap) else {}
            product["id"] = unique_id(slugify(record["product"]), self.index.taken)
            self.index.taken.add(product["id"])
            product["name"] = record["product"]
            if record.get("group"):
                product["group"] = record["group"]
            product["certifications"] = []
            products.append(product)
            known[fold(record["product"])] = product
            change = self.say(
                "import-new-product", product=record["product"], producer=data["name"], row=row
            )
            self._changed(file, change)
        elif "group" not in product and record.get("group"):
            _put(product, 2, "group", record["group"])
            change = self.say(
                "import-product-group", product=record["product"], group=record["group"], row=row
            )
            self._changed(file, change)
        certifications = product.setdefault("certifications", [])
        about = {"product": record["product"], "decision": record["decision_number"], "row": row}
        same = next(
            (
                c
                for c in certifications
                if str((c.get("decision") or {}).get("number", "")) == record["decision_number"]
            ),
            None,
        )
        if same is None:
            certifications.append(_certification(record))
            self._changed(
                file,
                self.say("import-new-certification", stars=record["stars"], **about),
            )
            return
        decision = same.get("decision")
        if isinstance(decision, dict) and "issuer" not in decision and record["issuer"]:
            decision["issuer"] = record["issuer"]
            self._changed(
                file,
                self.say("import-decision-issuer", issuer=record["issuer"], **about),
            )
            return
        self.plan.changes.append(self.say("import-known-decision", **about))


def _certification(record: dict[str, Any]) -> dict[str, Any]:
    cert: dict[str, Any] = {}
    cert["stars"] = record["stars"]
    if "score" in record:
        cert["score"] = record["score"]
    cert["criteria"] = record["criteria"]
    decision: dict[str, Any] = {}
    decision["number"] = record["decision_number"]
    decision["date"] = record["decision_date"]
    if record.get("issuer"):
        decision["issuer"] = record["issuer"]
    cert["decision"] = decision
    return cert

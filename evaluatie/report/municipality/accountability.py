"""The Beperkingen and the Verantwoording of the municipality report: what the data cannot carry; method, rules and thresholds, response, the
cleaning changes per rule, and provenance with checksums of every input file."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from evaluatie.io import network_files as exports
from evaluatie.report.document import provenance_list
from evaluatie.dutch import format_percent, readable_table
from evaluatie.report.limits import limitations
from evaluatie.report.municipality.base import ReportBase, heading, lead, needs_a_wave, paragraph


class AccountabilitySections(ReportBase):
    """Verantwoording, and the network files for other tools."""

    def network_files(self, folder: Path | str | None) -> HTML:
        """Write the chain of every wave for Gephi, UCINET, Pajek, Kumu, R and Python to ``folder`` (see
        :mod:`evaluatie.io.network_files`) and list them with links relative to the report beside ``folder``;
        the list is also a table of the workbook. None writes nothing."""
        if folder is None or not self.waves:
            return HTML("")
        folder = Path(folder)
        written = exports.write_exports(self.graphs, folder, self.data.slug)
        table = pd.DataFrame([{"Meting": wave, "Formaat": exports.FORMATS[suffix], "Bestand": f"{folder.name}/{path.name}"}
                              for wave, suffix, path in written], columns=["Meting", "Formaat", "Bestand"])
        links = table.assign(Bestand=[f"<a href='{html.escape(b, quote=True)}'>{html.escape(b.split('/')[-1])}</a>"
                                      for b in table["Bestand"]])
        wide = links.pivot(index="Formaat", columns="Meting", values="Bestand").reindex(
            index=list(dict.fromkeys(links["Formaat"])), columns=self.waves).reset_index().rename_axis(columns=None)
        body = wide.to_html(index=False, border=0, classes="tabel", escape=False, na_rep="–")
        number = self._register(table, "Netwerkbestanden voor andere programma's", table).number
        return HTML("<h3 id='netwerkbestanden'>Netwerkbestanden voor andere programma's</h3>"
                    + paragraph("De keten van elke meting als bestand voor Gephi, UCINET, Pajek, Kumu, R of Python: "
                                "partners met type, ketenfuncties en kernpartner; relaties met niveau, gewenst niveau, "
                                "het aantal kanten dat ze meldde en, als ernaar gevraagd is, vertrouwen en meerwaarde.")
                    + f'<figure class="tabel-figuur"><figcaption>Tabel {number}. Netwerkbestanden '
                      f"voor andere programma's</figcaption>{body}</figure>")

    # ------------------------------------------------------------------ beperkingen
    @needs_a_wave("beperkingen")
    def limitations(self) -> HTML:
        """What the data cannot carry: response, one-sided reports, the rules, the size, changing partners."""
        items = "".join(f"<li>{html.escape(sentence)}</li>" for sentence in limitations(self.analysis, self.data))
        return HTML(heading("beperkingen") + lead("Wat deze gegevens niet kunnen dragen; lees de cijfers hiervoor "
                                                  "met deze kanttekeningen.") + f"<ul class='beperkingen'>{items}</ul>")

    # ------------------------------------------------------------------ 10 verantwoording
    def accountability(self, run_date: dt.date | None = None) -> HTML:
        """Method, rules and thresholds, response, and provenance."""
        run_date = run_date or dt.date.today()
        settings = self.data.settings
        sources = (self.data.sources[["bestand", "sha256"]].drop_duplicates()
                   .rename(columns={"bestand": "Bestand", "sha256": "SHA-256"}).reset_index(drop=True))
        rules = [
            f"Een relatie telt mee vanaf niveau {settings.min_tie_level}; ‘sterk’ is vanaf niveau "
            f"{settings.strong_tie_level}.",
            f"Als beide partners een relatie op een verschillend niveau melden, telt de regel "
            f"‘{settings.combine_rule}’.",
            f"Eenzijdig gemelde relaties: regel ‘{settings.one_sided_rule}’.",
            f"Dubbele antwoorden (zelfde respondent en partner in één meting): regel ‘{settings.duplicate_rule}’.",
            f"Namen met een kleine spelfout worden herkend vanaf score {settings.fuzzy_threshold} (van 100); "
            f"twee kandidaten binnen {settings.ambiguity_margin} punten worden niet geraden.",
            f"Respons onder {format_percent(settings.response_warning)} wordt gemeld als waarschuwing.",
            "Namen, e-mailadressen, telefoonnummers en toelichtingen van respondenten zijn voor de analyse "
            "verwijderd.",
        ]
        log_counts = self.data.log["regel"].map(
            lambda r: "relatie" if r.startswith("relatie ") else r.split(":")[0].split(" (")[0].split(";")[0]
        ).value_counts()
        log_table = log_counts.rename_axis("Regel").reset_index(name="Aantal wijzigingen")
        files = len(sources)
        return HTML(
            heading("verantwoording")
            + lead(f"Dit rapport rust op {files} {'invoerbestand' if files == 1 else 'invoerbestanden'}; bij het "
                   f"opschonen veranderden {len(self.data.log)} "
                   f"{'waarde' if len(self.data.log) == 1 else 'waarden'} volgens vaste regels.")
            + paragraph("Methode: elke partner vulde per meting in met welke andere partners hij samenwerkt en op welk "
                 "niveau (0 geen contact, 1 kennen elkaar, 2 afstemmen, 3 samenwerken, 4 integraal samenwerken), en "
                 "welk niveau hij wenst. De antwoorden zijn opgeschoond (zie de wijzigingen hieronder), per paar "
                 "partners samengevoegd tot één relatie, en per meting als netwerk geanalyseerd.")
            + "<ul class='regels'>" + "".join(f"<li>{html.escape(rule)}</li>" for rule in rules) + "</ul>"
            + paragraph("De respons per meting staat bij de Samenstelling van de keten.")
            + self._table(log_table, "Wijzigingen bij het opschonen, per regel")
            + self._sensitivity()
            + provenance_list(self.parameters, run_date)
            + self._table(sources, "Invoerbestanden en hun controlegetal (SHA-256)",
                          sources.assign(**{"SHA-256": sources["SHA-256"].str[:16] + "…"}))
            + paragraph(f"Het volledige controlegetal van elk bestand staat in {self.workbook_label}.")
        )

    def _sensitivity(self) -> str:
        """The headline figures under every combination and one-sided rule (last wave)."""
        table = self.analysis.sensitivity
        if table is None or table.empty or self.last is None:
            return ""
        last = table[table["meting"] == self.last]
        frame = last.drop(columns=["meting"]).rename(columns={
            "combineren": "Combineren", "eenzijdig": "Eenzijdig", "relaties": "Relaties", "dichtheid": "Dichtheid",
            "relaties_sterk": f"Relaties niveau ≥ {self.data.settings.strong_tie_level}",
            "gemiddeld_niveau": "Gemiddeld niveau", "wederkerigheid": "Wederkerigheid",
            "gekozen": "In dit rapport"}).reset_index(drop=True)
        spread = last["relaties"].max() - last["relaties"].min()
        sentence = ("Hoeveel hangt af van de regels? Hieronder de kerngetallen van de "
                    f"{self.last} onder elke regel voor het combineren van beide kanten en voor eenzijdig gemelde "
                    "relaties. " + ("Het aantal relaties is onder elke regel gelijk: de conclusies hangen niet af "
                                    "van deze keuze." if spread == 0 else
                                    f"Het aantal relaties loopt uiteen van {int(last['relaties'].min())} tot "
                                    f"{int(last['relaties'].max())}: lees uitspraken over omvang en dichtheid met die "
                                    "marge.") + " De wederkerigheid telt wie wie noemt en hangt niet van de regels af.")
        self._appendix(table.reset_index(drop=True), "Kerngetallen onder elke regel, alle metingen")
        return (paragraph(sentence)
                + self._table(frame, f"Kerngetallen onder elke regel, {self.last}",
                              readable_table(frame, decimals={"Dichtheid": 2, "Gemiddeld niveau": 2},
                                             percent=("Wederkerigheid",), booleans=("In dit rapport",))))

"""The report notebook, actually executed through papermill and exported by nbconvert."""

import html
import re

import nbformat
import pytest

from evaluatie.batch.pool import render_reports
from evaluatie.io.store import load_municipality
from evaluatie.paths import REPORT_NOTEBOOK

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def rendered(example_processed, tmp_path_factory):
    reports = tmp_path_factory.mktemp("rapporten")
    results = render_reports(["Rivierstad", "Polderwijk"], example_processed, reports, workers=2)
    return reports, results


def test_report_holds_its_partners_and_no_code(rendered, example_processed):
    reports, results = rendered
    assert [(r.municipality, r.status) for r in results] == [("Rivierstad", "gelukt"), ("Polderwijk", "gelukt")]
    page = (reports / "rivierstad.html").read_text(encoding="utf-8")
    assert "<h1>Evaluatierapport Rivierstad</h1>" in page
    partners = load_municipality("Rivierstad", example_processed).partners["organisatie"]
    assert len(partners) == 24
    missing = [name for name in partners if html.escape(name, quote=False) not in page]
    assert missing == []
    assert "23 partners en 67 samenwerkingsrelaties" in page
    for code in ("load_municipality", "from evaluatie", "report.chain_maps()", "processed_dir", "In&nbsp;["):
        assert code not in page
    assert 'lang="nl"' in page
    scripts = re.findall(r"<script[^>]*>", page)  # only the ketenkaart's data and its own inline script
    assert scripts == ["<script data-ketenkaart-gegevens=\"\" type=\"application/json\">", "<script>"] or \
        sorted(scripts) == sorted(["<script type='application/json' data-ketenkaart-gegevens>", "<script>"]), scripts
    assert not re.search(r'(src|href)="https?://', page)
    images = re.findall(r"<img [^>]*>", page)
    assert len(images) == 11 and all('alt="' in image for image in images)
    assert len(page.encode("utf-8")) <= 1.5 * 1024 * 1024
    assert (reports / "rivierstad.xlsx").exists()


def test_report_holds_no_other_municipality_partner_names(rendered, example_processed):
    reports, _ = rendered
    page = (reports / "rivierstad.html").read_text(encoding="utf-8")
    for other in ("Heidevelde", "Polderwijk"):
        partners = load_municipality(other, example_processed).partners["organisatie"]
        leaked = [name for name in partners if html.escape(name) in page]
        assert leaked == []


def test_index_links_every_report(rendered):
    reports, _ = rendered
    index = (reports / "index.html").read_text(encoding="utf-8")
    made = re.search(r"<li class=.rundatum.>Gemaakt op ([^<]+)</li>",
                     (reports / "rivierstad.html").read_text()).group(1)
    assert (f'<a href="rivierstad.html">Rivierstad</a></td><td>{made}</td><td><a href="rivierstad.xlsx">'
            'rivierstad.xlsx</a></td><td>–</td><td>in orde</td>') in index
    assert '<a href="polderwijk.html">Polderwijk</a></td>' in index
    assert "<td>Heidevelde</td><td>–</td><td>–</td><td>–</td><td>nog geen rapport</td>" in index
    assert "gelukt" not in index and "deze run" not in index  # the folder, not the run


def test_same_inputs_same_report_apart_from_run_date(rendered, example_processed, tmp_path):
    reports, _ = rendered
    render_reports(["Rivierstad"], example_processed, tmp_path, workers=1)

    def without_run_date(text):
        return re.sub(r"<li class='rundatum'>.*?</li>", "", text)

    first = (reports / "rivierstad.html").read_text(encoding="utf-8")
    second = (tmp_path / "rivierstad.html").read_text(encoding="utf-8")
    assert without_run_date(first) == without_run_date(second)


def test_one_failing_municipality_does_not_stop_the_others(example_processed, tmp_path):
    notebook = nbformat.read(REPORT_NOTEBOOK, as_version=4)
    notebook.cells.insert(1, nbformat.v4.new_code_cell(
        'if gemeente == "Heidevelde":\n    raise RuntimeError("kapotte gegevens voor deze gemeente")'))
    broken = tmp_path / "kapot.ipynb"
    nbformat.write(notebook, broken)
    reports = tmp_path / "rapporten"
    results = render_reports(None, example_processed, reports, notebook=broken, workers=2)
    status = {r.municipality: r.status for r in results}
    assert status == {"Rivierstad": "gelukt", "Heidevelde": "mislukt", "Polderwijk": "gelukt",
                      "landelijk (programmabreed)": "gelukt", "overzicht (alle pilots)": "gelukt"}
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "<a href='landelijk.html'>Landelijke monitoring</a>" in index
    assert "<a href='overzicht.html'>Overzicht van alle pilots</a>" in index
    assert ("<td>Heidevelde</td><td>–</td><td>–</td><td>–</td><td><span class='mislukt'>mislukt</span> "
            "bij de laatste poging: "
            'RuntimeError: kapotte gegevens voor deze gemeente (<a href="mislukt/heidevelde.ipynb">notebook met de '
            "fout</a>)</td>") in index
    overview = (reports / "overzicht.html").read_text(encoding="utf-8")
    assert "<h1>Overzicht van alle pilots</h1>" in overview and "<td>Heidevelde</td>" in overview
    assert "<script" not in overview and (reports / "overzicht.xlsx").exists()
    failed = next(r for r in results if r.status == "mislukt")
    # The summary names the failing cell (its execution count and first line) and the error.
    assert failed.error == 'cel 3 (if gemeente == "Heidevelde":): RuntimeError: kapotte gegevens voor deze gemeente'

    assert failed.path == reports / "mislukt" / "heidevelde.ipynb" and failed.path.exists()
    assert not (reports / "heidevelde.html").exists()
    assert "notebook met de fout" in (reports / "index.html").read_text(encoding="utf-8")


def test_unchanged_reports_are_skipped_and_changed_data_renders_again(example_cleaned, tmp_path):
    from evaluatie.io.store import write_processed
    from evaluatie.settings import Settings

    processed = tmp_path / "processed"
    write_processed(example_cleaned, processed, Settings())
    reports = tmp_path / "rapporten"
    first = render_reports(["Rivierstad", "Heidevelde"], processed, reports, workers=2)
    assert [r.status for r in first] == ["gelukt", "gelukt"]
    page = (reports / "rivierstad.html").read_bytes()
    second = render_reports(["Rivierstad", "Heidevelde"], processed, reports, workers=2)
    assert [r.status for r in second] == ["actueel", "actueel"]
    assert (reports / "rivierstad.html").read_bytes() == page
    # Heidevelde's wishes change (not the pilots' median and range): only Heidevelde is rendered again.
    changed = example_cleaned.ties.copy()
    changed.loc[changed["gemeente"] == "Heidevelde", "gewenst_niveau"] = 4
    from dataclasses import replace
    write_processed(replace(example_cleaned, ties=changed), processed, Settings())
    third = render_reports(["Rivierstad", "Heidevelde"], processed, reports, workers=2)
    assert [r.status for r in third] == ["actueel", "gelukt"]
    forced = render_reports(["Rivierstad"], processed, reports, workers=1, force=True)
    assert forced[0].status == "gelukt"
    # A page is its files: a deleted workbook or network file makes it stale, not 'actueel'.
    (reports / "rivierstad.xlsx").unlink()
    next(iter(sorted((reports / "heidevelde-netwerken").glob("*.graphml")))).unlink()
    again = render_reports(["Rivierstad", "Heidevelde"], processed, reports, workers=2)
    assert [r.status for r in again] == ["gelukt", "gelukt"]
    assert (reports / "rivierstad.xlsx").exists() and len(list((reports / "heidevelde-netwerken").glob("*.graphml")))
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "<td>in orde</td><td>vervolgmeting</td><td class='getal'>24</td><td class='getal'>84</td>" \
           "<td class='getal'>0,30</td>" in index
    # Heidevelde's levels change, and with them the pilots' median and range every report compares with.
    changed.loc[changed["gemeente"] == "Heidevelde", "niveau"] = 4
    write_processed(replace(example_cleaned, ties=changed), processed, Settings())
    fourth = render_reports(["Rivierstad", "Heidevelde"], processed, reports, workers=2)
    assert [r.status for r in fourth] == ["gelukt", "gelukt"]


def test_parallel_rendering_leaves_the_working_directory_alone(example_processed, tmp_path):
    import os

    before = os.getcwd()
    for _ in range(2):
        render_reports(["Rivierstad", "Heidevelde"], example_processed, tmp_path / "cwd", workers=2, force=True)
        assert os.getcwd() == before


def test_a_report_whose_kernel_dies_is_kept_in_mislukt_and_shown_failed(tmp_path):
    from evaluatie.batch.run import render_municipality
    from evaluatie.report.index_page import write_index

    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("gemeente = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")],
        metadata={"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"},
                  "language_info": {"name": "python"}})
    source = tmp_path / "sterft.ipynb"
    nbformat.write(notebook, source)
    reports = tmp_path / "rapporten"
    reports.mkdir()
    earlier = reports / "rivierstad.html"
    earlier.write_text("<!doctype html><p>eerdere versie</p>", encoding="utf-8")
    result = render_municipality("Rivierstad", tmp_path, reports, notebook=source, slug="rivierstad")
    assert result.status == "mislukt"
    assert result.error.startswith("de kernel stopte onverwacht") and "\n" not in result.error
    assert result.path == reports / "mislukt" / "rivierstad.ipynb"
    kept = nbformat.read(result.path, as_version=4)
    assert kept.cells[0].outputs[0]["evalue"] == result.error
    assert earlier.read_text(encoding="utf-8") == "<!doctype html><p>eerdere versie</p>"  # the last good one stays
    index = write_index(reports, {"Rivierstad": "rivierstad"}).read_text(encoding="utf-8")
    assert "<span class='mislukt'>mislukt</span> bij de laatste poging: DeadKernelError: de kernel stopte" in index
    assert "in orde" not in index and "het rapport hiernaast is een eerdere versie" in index

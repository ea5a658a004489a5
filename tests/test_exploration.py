"""The exploration notebook runs from top to bottom on the example data, as a researcher would run it,
and what it shows and writes is what the analysis holds."""

import json

import pandas as pd
import papermill
import pytest

from evaluatie.batch.kernels import kernel_name, quiet_manager
from evaluatie.paths import NOTEBOOKS_DIR

pytestmark = pytest.mark.render
NOTEBOOK = NOTEBOOKS_DIR / "verkenning" / "verkenning-ketenanalyse.ipynb"


def _outputs(notebook: dict, kind: str) -> list[str]:
    return ["".join(output.get("data", {}).get(kind, "")) if kind != "stream" else "".join(output.get("text", ""))
            for cell in notebook["cells"] if cell["cell_type"] == "code" for output in cell.get("outputs", [])
            if (kind == "stream") == (output["output_type"] == "stream")]


def test_the_exploration_notebook_runs_on_the_example_data(example_processed, tmp_path):
    from evaluatie import analyse, load_municipality

    executed = tmp_path / "verkenning.ipynb"
    papermill.execute_notebook(str(NOTEBOOK), str(executed), kernel_name=kernel_name(), progress_bar=False,
                               parameters={"gemeente": "Rivierstad", "processed_dir": str(example_processed),
                                           "output_dir": str(tmp_path / "uitvoer")},
                               kernel_manager_class=quiet_manager(tmp_path / "kernel.log"), cwd=str(tmp_path))
    notebook = json.loads(executed.read_text(encoding="utf-8"))
    errors = [o for c in notebook["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert errors == []
    html = "\n".join(_outputs(notebook, "text/html"))
    assert "<strong>MunicipalityData</strong> Rivierstad" in html and "<strong>ChainAnalysis</strong>" in html
    pngs = _outputs(notebook, "image/png")
    assert len([p for p in pngs if p]) == 2  # the seaborn chart and the report's own chart, both inline
    analysis = analyse(load_municipality("Rivierstad", example_processed))
    last = list(analysis.graphs)[-1]
    written = pd.read_excel(tmp_path / "uitvoer" / "centrale-partners-rivierstad.xlsx", sheet_name=last)
    expected = analysis.partners[analysis.partners["meting"] == last].sort_values("tussenpositie", ascending=False)
    assert written["organisatie"].tolist() == expected["organisatie"].tolist()
    assert written["graad"].tolist() == expected["graad"].tolist()
    assert f"Geschreven: {tmp_path / 'uitvoer'}" in "".join(_outputs(notebook, "stream"))


def test_the_stored_notebooks_hold_no_outputs_and_no_run_state():
    """Notebooks are stored normalised: no outputs, no execution counts, no kernel details beyond the
    kernelspec, so saving one in JupyterLab does not make a diff the batch would see."""
    for path in sorted(NOTEBOOKS_DIR.rglob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                assert cell.get("outputs") == [] and cell.get("execution_count") is None, path.name

"""``python -m evaluatie.examples [MAP]``: write the example data (used by ``make voorbeelddata``)."""

import sys
from pathlib import Path

from evaluatie import paths
from evaluatie.examples.example import write_example_data

target = Path(sys.argv[1]) if len(sys.argv) > 1 else paths.raw_data_dir()
for written_path in write_example_data(target):
    print(written_path)

"""``python -m evaluatie.examples [MAP]``: write the example data (used by ``make voorbeelddata``)."""

import sys
from pathlib import Path

from evaluatie import paths
from evaluatie.examples.example import write_example_data

USAGE = ("Gebruik: python -m evaluatie.examples [MAP]\n"
         "Schrijft de voorbeeldgegevens naar MAP (standaard data/raw/ van het project).")

if len(sys.argv) > 2 or (len(sys.argv) == 2 and sys.argv[1].startswith("-")):
    print(USAGE, file=sys.stderr if sys.argv[1] not in ("-h", "--help") else sys.stdout)
    sys.exit(0 if sys.argv[1] in ("-h", "--help") else 2)
target = Path(sys.argv[1]) if len(sys.argv) > 1 else paths.raw_data_dir()
for written_path in write_example_data(target):
    print(written_path)

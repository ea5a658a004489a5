"""``python -m evaluatie.voorbeelddata [MAP]``: write the example data (used by ``make voorbeelddata``)."""

import sys
from pathlib import Path

from ..config import RAW_DATA_DIR
from .example import write_example_data

target = Path(sys.argv[1]) if len(sys.argv) > 1 else RAW_DATA_DIR
for written_path in write_example_data(target):
    print(written_path)

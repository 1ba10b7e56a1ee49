#!/usr/bin/python3
"""Extract every notebook's code cells to one .cs file per notebook, for the `duplicates` command.

Usage: /usr/bin/python3 scripts/extract-notebook-code.py [OUT_DIR]   (default out/notebook-code/)
Each file notebooks/NN-x.ipynb becomes OUT_DIR/NN-x.cs; every cell starts with a comment
`// ---- cell N (id) ----` naming it. Then, for example: duplicates out/notebook-code lib/GenAI
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else root / "out" / "notebook-code")
out.mkdir(parents=True, exist_ok=True)
count = 0
for notebook in sorted((root / "notebooks").glob("*.ipynb")):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    parts = []
    for number, cell in enumerate(cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        parts.append(f"// ---- cell {number} ({cell.get('id', 'no id')}) ----\n{source.rstrip()}\n")
    (out / (notebook.stem + ".cs")).write_text("\n".join(parts), encoding="utf-8")
    count += 1
print(f"{count} notebooks extracted to {out}")

#!/usr/bin/env python3
"""Adds (or replaces) an exercise in a course notebook: a markdown cell, the stub cell tagged "exercise" with
its reference solution in the metadata, and the cell that runs the checker.

usage: scripts/add-exercise.py NOTEBOOK.ipynb SPEC.json

SPEC.json: {"id": "nb05-ex1", "markdown": "...", "stub": "...", "solution": "...", "check": "..."}
The cells go before the notebook's last "notebook finished" cell, else before its "## Measured" section, else
at the end; cells with the same ids are replaced in place, so running it again updates the exercise.
"""
import json
import sys


def lines(text):
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def code_metadata(extra=None):
    metadata = {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"},
                "vscode": {"languageId": "polyglot-notebook"}}
    metadata.update(extra or {})
    return metadata


def main(path, spec_path):
    notebook = json.load(open(path, encoding="utf-8"))
    spec = json.load(open(spec_path, encoding="utf-8"))
    if "throw new NotImplementedException()" not in spec["stub"]:
        sys.exit(f"{spec_path}: the stub must still throw NotImplementedException (the checker's 'not done yet').")
    base = spec["id"]
    cells = [
        {"cell_type": "markdown", "id": base + "-md", "metadata": {}, "source": lines(spec["markdown"])},
        {"cell_type": "code", "execution_count": None, "id": base,
         "metadata": code_metadata({"tags": ["exercise"], "solution": spec["solution"]}), "outputs": [],
         "source": lines(spec["stub"])},
        {"cell_type": "code", "execution_count": None, "id": base + "-check", "metadata": code_metadata(), "outputs": [],
         "source": lines(spec["check"])},
    ]
    ids = {c["id"] for c in cells}
    existing = [i for i, c in enumerate(notebook["cells"]) if c.get("id") in ids]
    if existing:
        at = existing[0]
        notebook["cells"] = [c for c in notebook["cells"] if c.get("id") not in ids]
    else:
        source = ["".join(c["source"]) for c in notebook["cells"]]
        finished = [i for i, s in enumerate(source) if notebook["cells"][i]["cell_type"] == "code" and "notebook finished" in s]
        measured = [i for i, s in enumerate(source) if s.startswith("## Measured")]
        at = finished[-1] if finished else measured[-1] if measured else len(notebook["cells"])
    notebook["cells"][at:at] = cells
    with open(path, "w", encoding="utf-8") as f:
        json.dump(notebook, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

// Loaded by outputs.ipynb with #!import and #load.
int Twice(int x) => 2 * x;

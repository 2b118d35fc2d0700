#!/bin/sh
# Lists the files of the repository that point outside it: to a design brief or notes that a
# clone does not have, or to a sibling folder. The repository's own docs/ must stand alone.
# Exit status 1 when any does.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
pattern='\.\./shared|DESIGN\.md|/work/shared'
if git grep -nE "$pattern" -- ':!tools/check-self-contained.sh'; then exit 1; fi
exit 0

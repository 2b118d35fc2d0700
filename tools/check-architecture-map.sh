#!/bin/sh
# Lists the source files of core/, widgets/ and app/ that docs/ARCHITECTURE.md does not name, so
# the feature map can be kept complete. A file counts as named when the document holds its path
# below the layer without extension as a whole word ("io/dump", not "io/dump_contents"), its
# folder with a star ("io/hdf5/*"), or, for a file at a layer's top, its path with the layer
# ("core/errors", "app/main"). Exit status 1 when any is missing.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
map="$root/docs/ARCHITECTURE.md"
missing=0
for layer in core widgets app; do
    for file in $(cd "$root" && git ls-files "$layer/*.h" "$layer/*.cpp" | sort); do
        below=${file#"$layer"/}
        folder=$(dirname "$below")
        stem=${below%.*}
        [ "$folder" = . ] && stem="$layer/$stem"
        grep -qE -- "(^|[^A-Za-z0-9_])$stem([^A-Za-z0-9_]|\$)" "$map" && continue
        [ "$folder" != . ] && grep -qF -- "$folder/*" "$map" && continue
        echo "$file"
        missing=1
    done
done
exit $missing

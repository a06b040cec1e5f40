#!/usr/bin/env bash
# Rebuilds the vendored front-end bundle in static/ from the npm packages
# pinned in package.json and package-lock.json. Run it after changing them
# and commit the output: go build and go test never need npm.
#
#   bash server/web/build.sh
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
npm ci --ignore-scripts --no-audit --no-fund
nm=node_modules
out=static
mkdir -p "$out"

# Scripts: uPlot, cytoscape, Leaflet, topojson-client (already minified
# UMD/IIFE builds; each defines one global). Source-map comments are dropped
# because the maps are not shipped.
{
	for f in uplot/dist/uPlot.iife.min.js cytoscape/dist/cytoscape.min.js leaflet/dist/leaflet.js topojson-client/dist/topojson-client.min.js; do
		echo "/* ${f%%/*} */"
		sed -e 's#//[#@] sourceMappingURL=.*##' "$nm/$f"
		echo ";"
	done
} > "$out/vendor.js"

{
	for f in leaflet/dist/leaflet.css uplot/dist/uPlot.min.css; do
		echo "/* ${f%%/*} */"
		cat "$nm/$f"
		echo
	done
} > "$out/vendor.css"

# World outline: Natural Earth 1:110m countries as TopoJSON (world-atlas).
cp "$nm/world-atlas/countries-110m.json" "$out/countries-110m.json"

# Licences of everything bundled.
{
	echo "Third-party software bundled in vendor.js, vendor.css and countries-110m.json,"
	echo "built by build.sh from the npm packages below. Their licences follow."
	echo
	for p in uplot cytoscape leaflet topojson-client world-atlas; do
		v=$(node -p "require('./$nm/$p/package.json').version")
		l=$(node -p "require('./$nm/$p/package.json').license")
		echo "================================================================"
		echo "$p $v ($l)"
		echo "================================================================"
		cat "$nm/$p/LICENSE"
		echo
	done
	echo "countries-110m.json is derived from Natural Earth (public domain) by world-atlas."
} > "$out/NOTICE"
ls -l "$out"

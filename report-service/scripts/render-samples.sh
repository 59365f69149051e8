#!/usr/bin/env bash
# Renders one document of each type (部门整体支出绩效自评表, 自评报告, 项目支出绩效自评表, 项目绩效评价报告,
# region summary) from the test SampleData as HTML and PDF, turns page 1 of each PDF into a PNG for a person to
# look at, and, when the Nu HTML checker resolves from Maven, validates the HTML as HTML5.
#
#   report-service/scripts/render-samples.sh [output dir]     (default: report-service/target/samples)
#
# Needs: the module's dependencies in the local Maven repository (platform-common installed), pdftoppm
# (poppler-utils). MAVEN_OFFLINE=-o (the default) keeps Maven off the network; set it empty to allow downloads.
# VALIDATE=0 skips the HTML5 validation.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
module="$(dirname "$here")"
root="$(dirname "$module")"
out="$(mkdir -p "${1:-$module/target/samples}" && cd "${1:-$module/target/samples}" && pwd)"
offline="${MAVEN_OFFLINE--o}"
vnu_version=20.7.2

echo "Rendering the samples into $out"
rm -f "$out"/*.html "$out"/*.pdf "$out"/*.png "$out"/render.log
# RenderSamples is a test class outside the default run; formatting is not checked here.
(cd "$root" && ./mvnw -B -q $offline test -pl report-service -Dtest=RenderSamples \
    -Drender.samples.dir="$out" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dformatter.skip=true -Dimpsort.skip=true) >"$out/render.log" 2>&1 || {
    cat "$out/render.log"
    exit 1
}

for pdf in "$out"/*.pdf; do
    name="$(basename "$pdf" .pdf)"
    pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$pdf" "$out/$name"
    pages="$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"
    echo "  $name: ${pages:-?} page(s), $(wc -c <"$pdf") bytes -> $name.png"
done

if [ "${VALIDATE:-1}" = "1" ]; then
    # The Nu HTML checker (vnu) is not a project dependency: a throwaway POM resolves its class path.
    vnu="$out/vnu"
    mkdir -p "$vnu"
    cat >"$vnu/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId>
  <artifactId>vnu-classpath</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>nu.validator</groupId>
      <artifactId>validator</artifactId>
      <version>$vnu_version</version>
    </dependency>
  </dependencies>
</project>
EOF
    if (cd "$root" && ./mvnw -B -q $offline -f "$vnu/pom.xml" dependency:build-classpath \
        -Dmdep.outputFile="$vnu/classpath.txt") >/dev/null 2>&1; then
        echo "Validating the HTML with the Nu HTML checker $vnu_version"
        # It prints the errors and warnings it finds (nothing when all is valid) and exits 1 on errors.
        if java -Dorg.eclipse.jetty.util.log.announce=false -cp "$(cat "$vnu/classpath.txt")" \
            nu.validator.client.SimpleCommandLineValidator --also-check-css "$out"/*.html; then
            echo "  HTML5: valid"
        else
            echo "  HTML5: errors (above)"
            exit 1
        fi
    else
        echo "Nu HTML checker nu.validator:validator:$vnu_version not resolvable: HTML5 validation skipped"
    fi
fi

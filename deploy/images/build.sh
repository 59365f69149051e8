#!/usr/bin/env bash
# Builds the JVM images of the services with Docker, Podman or Buildah (whichever is found first, or
# CONTAINER_ENGINE), from the fast-jars that `./mvnw -B package -DskipTests` put in */target/quarkus-app.
#
#   deploy/images/build.sh [IMAGE_PREFIX] [TAG]      defaults: budgetperf, the project version
#   deploy/images/build.sh registry.example.org/budgetperf 0.1.0 && docker push ...
#
# Only services whose fast-jar exists are built. No daemon is needed with Podman or Buildah.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

prefix=${1:-budgetperf}
tag=${2:-$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -n 1)}
engine=${CONTAINER_ENGINE:-}
if [[ -z $engine ]]; then
  for candidate in docker podman buildah; do
    if command -v "$candidate" >/dev/null 2>&1; then
      engine=$candidate
      break
    fi
  done
fi
[[ -n $engine ]] || { echo "no docker, podman or buildah on the PATH (or set CONTAINER_ENGINE)" >&2; exit 1; }

# service  CJK fonts
images=(
  "budget-service false"
  "evaluation-service false"
  "report-service true"
)
built=0
for line in "${images[@]}"; do
  read -r service fonts <<<"$line"
  if [[ ! -f $service/target/quarkus-app/quarkus-run.jar ]]; then
    echo "skipping $service: $service/target/quarkus-app/quarkus-run.jar not built (./mvnw -B package -DskipTests)" >&2
    continue
  fi
  echo "==> $prefix/$service:$tag ($engine)" >&2
  "$engine" build -f deploy/images/Dockerfile.jvm \
    --build-arg "SERVICE=$service" --build-arg "CJK_FONTS=$fonts" \
    -t "$prefix/$service:$tag" .
  built=$((built + 1))
done
((built > 0)) || { echo "nothing built" >&2; exit 1; }

#!/usr/bin/env bash
# memprobe's benchmark: finding the culprits against a plain `mvn test` and the batch and isolated runners.
#
#   benchmark/run.sh [full|quick|bisect|strategies|floor|near-limit|native] [--only n50-hog,n200-hog,...]
#   benchmark/run.sh record [--pairs 8] [--size 200] [--only j5-fc1,j5-fc1-lean,j5-fc1-off,j5-fc1-lean-off,...]
#   benchmark/run.sh heapdump [MIB]   reading a heap dump of MIB (default 1024) of live heap, three times
#
# Builds memprobe into a private local repository (benchmark/target/repo, seeded once from ~/.m2/repository: the
# shared ~/.m2 is never written), writes the suites (benchmark/Generator.java), compiles them, then runs them
# (benchmark/Bench.java). Results: benchmark/target/results/results.md (tables), runs.csv (every run), logs/, reports/.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
plan="${1:-full}"
shift || true
target="$here/target"
repo="${MEMPROBE_BENCH_REPO:-$target/repo}"
mvn="$root/mvnw"

mkdir -p "$target"
if [ ! -d "$repo" ]; then
  echo "seeding $repo from ~/.m2/repository (a copy: nothing is written to the shared one)"
  mkdir -p "$repo"
  if [ -d "$HOME/.m2/repository" ]; then
    cp -r "$HOME/.m2/repository/." "$repo/"
  fi
fi

version="$("$mvn" -q -f "$root/pom.xml" help:evaluate -Dexpression=project.version -DforceStdout -Dmaven.repo.local="$repo")"
echo "building memprobe $version into $repo"
"$mvn" -q -f "$root/pom.xml" install -DskipTests -Dinvoker.skip -Dspotless.check.skip -Dmaven.repo.local="$repo"

if [ "$plan" = record ]; then
  # recording's cost (benchmark/RecordBench.java, which writes its suites with Generator's classes)
  mkdir -p "$target/record-classes"
  javac -d "$target/record-classes" "$here/Generator.java" "$here/RecordBench.java"
  exec java -cp "$target/record-classes" RecordBench --mvn "$mvn" --repo "$repo" --suites "$target/suites" \
    --out "$target/results" --version "$version" "$@"
fi

if [ "$plan" = heapdump ]; then
  # what reading a culprit's heap dump costs (benchmark/HeapDumpBench.java): one dump written, read three times
  mib="${1:-1024}"
  classpath="$target/plugin-classpath.txt"
  "$mvn" -q -f "$root/memprobe-maven-plugin/pom.xml" dependency:build-classpath -Dmdep.outputFile="$classpath" \
    -Dmaven.repo.local="$repo"
  cp="$root/memprobe-maven-plugin/target/classes:$(cat "$classpath")"
  dump="$target/heapdump-$mib.hprof"
  java -Xmx$((mib * 3 / 2 + 512))m -cp "$cp" "$here/HeapDumpBench.java" write "$dump" "$mib"
  for run in 1 2 3; do
    echo "uptime: $(uptime)"
    /usr/bin/time -f "  analyser RSS %M KiB" java -Xmx$((mib * 3))m -cp "$cp" "$here/HeapDumpBench.java" read "$dump"
  done
  rm -f "$dump"
  exit 0
fi

sizes="50 200 800"
[ "$plan" = quick ] && sizes="50"
[ "$plan" = near-limit ] && sizes="200"
[ "$plan" = native ] && sizes="200"
java "$here/Generator.java" "$target/suites" "$version" $sizes

# the real suites read some test resources from src/test/resources on disk, not from the classpath
for suite in "$target"/suites/*/; do
  if [ "$plan" = native ] && [[ "$(basename "$suite")" != collections4-junit4* ]]; then
    continue
  fi
  if [ -f "$suite/tests-jar.txt" ] && [ "$plan" != quick ] && [ "$plan" != near-limit ]; then
    jar="$repo/$(cat "$suite/tests-jar.txt")"
    [ -f "$jar" ] || "$mvn" -q -B -f "$suite/pom.xml" -Dmaven.repo.local="$repo" dependency:resolve > /dev/null
    rm -rf "$suite/src/test/resources" && mkdir -p "$suite/src/test/resources"
    (cd "$suite/src/test/resources" && jar xf "$jar" && rm -rf META-INF && find . -name '*.class' -delete && find . -type d -empty -delete)
  fi
done

echo "compiling the suites (and resolving the real suites' test jars)"
for suite in "$target"/suites/*/; do
  name="$(basename "$suite")"
  if [ "$plan" = quick ] && [[ "$name" != n50-* ]]; then
    continue
  fi
  if [ "$plan" = near-limit ] && [ "$name" != n200-crawl ]; then
    continue
  fi
  if [ "$plan" = native ] && [[ "$name" != j4* ]] && [[ "$name" != collections4-junit4* ]]; then
    continue
  fi
  "$mvn" -q -B -f "$suite/pom.xml" -Dmaven.repo.local="$repo" test-compile > "$suite/compile.log" 2>&1 \
    || { echo "compiling $name failed: see $suite/compile.log"; exit 1; }
  if [ -f "$suite/tests-jar.txt" ]; then
    # online once: Surefire resolves its JUnit engines (Vintage here) only when it runs a test; the benchmark runs offline
    "$mvn" -q -B -f "$suite/pom.xml" -Dmaven.repo.local="$repo" test -Dtest=LruMapExportTest \
      -Dsurefire.failIfNoSpecifiedTests=false -Dbench.argLine=-Xmx2g >> "$suite/compile.log" 2>&1 \
      || { echo "a first run of $name failed: see $suite/compile.log"; exit 1; }
  fi
done

java "$here/Bench.java" --mvn "$mvn" --repo "$repo" --suites "$target/suites" --out "$target/results" --plan "$plan" "$@"

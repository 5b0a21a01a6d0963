#!/bin/sh
# The javanets command line with javanets-spark and Spark ${spark.version} on its class path, so
# that `train --spark MASTER` trains on a cluster. Built by `mvn package` in spark/target/.
# Usage: sh spark/target/javanets-spark/javanets-spark.sh train --spark 'local[2]' [train options]
# glibc's default of 8 malloc arenas per core keeps the memory of freed batches (see the launcher
# javanets in the cli module); 2 arenas unless set.
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
export MALLOC_ARENA_MAX
dir=$(cd "$(dirname "$0")" && pwd)
cp="$dir/../${project.build.finalName}.jar:$(cat "$dir/runtime.classpath"):$(cat "$dir/backend.classpath"):$(cat "$dir/spark.classpath")"
exec java ${JAVA_OPTS:-} -XX:+IgnoreUnrecognizedVMOptions \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED \
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -cp "$cp" io.github.javanets.cli.Javanets "$@"

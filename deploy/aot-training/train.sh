#!/bin/bash
# The AOT cache's training run, at image build (deploy/Dockerfile), in the runtime image itself: the cache must come
# from the same JVM that uses it. The application context is built once and the JVM exits
# (-Dspring.context.exit=onRefresh), writing every class it loaded and linked, with their profiles, to guestgate.aot.
# The identity provider's discovery document, the one outside call made while the context is built, is served by
# DiscoveryServer (compiled in the image's build stage; here, without the class file, run from its source).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ -f "$here/DiscoveryServer.class" ]; then
  java -cp "$here" DiscoveryServer 18089 &
else
  java "$here/DiscoveryServer.java" 18089 &
fi
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  (exec 3<>/dev/tcp/127.0.0.1/18089) 2>/dev/null && break
  sleep 0.1
done
# -Xmx614m: the heap of the 1 GiB pod (60 %), whatever the build machine has, so that the cache is made with the
# heap layout and compressed object pointers the pods use (a cache that does not fit them is ignored at start).
java -Xmx614m -XX:AOTCacheOutput=guestgate.aot -Dspring.context.exit=onRefresh -jar guestgate.jar \
  --spring.config.additional-location="file:$here/training.properties"
test -s guestgate.aot

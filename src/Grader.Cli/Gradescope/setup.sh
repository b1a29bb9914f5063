#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu).
# Written by `grader gradescope`; the bundle carries the grader in /autograder/source/grader.
set -euo pipefail

apt-get update
# libicu for .NET's globalisation, libgomp1 for libtorch's threads.
apt-get install -y --no-install-recommends ca-certificates curl libicu-dev libgomp1
curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
bash /tmp/dotnet-install.sh --channel 10.0 --runtime dotnet --install-dir /usr/share/dotnet
ln -sf /usr/share/dotnet/dotnet /usr/local/bin/dotnet
chmod +x /autograder/source/run_autograder

# Which sandbox layers this image gives the worker, for the teacher to read in the build log.
dotnet /autograder/source/grader/grader.dll sandbox || echo "setup.sh: some sandbox layers are missing on this image (see above)."

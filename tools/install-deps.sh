#!/usr/bin/env bash
# Installs the Debian 12 packages lngeom needs to build, test and run.
# Idempotent: calls apt-get only when a package is missing.
set -euo pipefail

packages=(
    cmake ninja-build g++ make pkg-config
    qt6-base-dev libqt6opengl6-dev libgl-dev
    libvtk9-dev libhdf5-dev libeigen3-dev zlib1g-dev
    python3-torch python3-h5py python3-numpy libopenblas0-openmp
    xvfb xauth poppler-utils
    fonts-dejavu-core  # the text font of every view and figure (widgets/support/text_font.h)
    clang libclang-rt-14-dev
    libbenchmark-dev
    openmpi-bin libopenmpi-dev
    gdb  # the stacks of a test's child process that hangs (tests/app/hung_process.h)
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "lngeom: installing missing Debian packages: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"

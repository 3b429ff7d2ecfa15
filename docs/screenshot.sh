#!/usr/bin/env bash
# Regenerates docs/screenshot.png from the real main window: opens the default project on a virtual display
# (Xvfb), trains it for 60 epochs, snapshots the window and quits. Needs: apt-get install xvfb libgtk-3-0
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/docs/screenshot.png}"
tab="${TAB:-properties}"      # TAB=training: the Training panel; inside: decision view and neuron maps; step: step through; wires: weights on wires
size="${SIZE:-}"              # SIZE=1280x800 fixes the window size
sample="${SAMPLE:-}"          # SAMPLE=circle-features.layerlab opens that bundled sample instead of the default
looks=()                      # THEME=dark, PRESENTATION=1: the theme and presentation mode (View menu)
[ -n "${THEME:-}" ] && looks+=("--theme=$THEME")
[ -n "${PRESENTATION:-}" ] && looks+=("--presentation=true")
scale=()                      # UI_SCALE=2: the window as GTK shows it at that UI scale (its layout size is the screen's / 2)
[ -n "${UI_SCALE:-}" ] && scale+=("-Dglass.gtk.uiScale=$UI_SCALE")
ui_lang="${UI_LANG:-en}"      # UI_LANG=zh-CN shows the window in Simplified Chinese (as View → Language would)
command -v xvfb-run >/dev/null || { echo "screenshot.sh: xvfb-run is missing (apt-get install xvfb libgtk-3-0)" >&2; exit 3; }
"$root/layerlab" --version >/dev/null   # builds the app when needed
cp="$root/app/target/layerlab-app.jar:$root/app/target/lib/*"
# Autosave and settings go to a scratch folder: making a screenshot leaves the user's ~/.layerlab alone.
scratch="$(mktemp -d)"
mkdir -p "$scratch/settings"
echo "$ui_lang" > "$scratch/settings/language.txt"   # the language the window remembers choosing
screen="${SCREEN:-1600x1000}"  # SCREEN=1920x1080: the virtual display's size
xvfb-run -a -s "-screen 0 ${screen}x24" \
  java --add-modules jdk.incubator.vector ${scale[@]+"${scale[@]}"} -Dlayerlab.autosave.dir="$scratch/autosave" -Dlayerlab.settings.dir="$scratch/settings" -cp "$cp" org.layerlab.app.ui.ScreenshotMode "$out" "${EPOCHS:-60}" "$tab" "$size" $sample ${looks[@]+"${looks[@]}"}

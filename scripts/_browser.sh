# Sourced by scripts/test: the real-browser tests need Debian's chromium and a CJK font.
# Installed here when missing and we may (root with apt-get); otherwise those tests skip and say why.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium and fonts-wqy-microhei for the browser tests"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      chromium fonts-wqy-microhei >/dev/null
  else
    echo "note: chromium or a CJK font is missing; browser tests will be skipped" >&2
  fi
fi

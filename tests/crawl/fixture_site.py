"""A small provincial news site served on 127.0.0.1 for the crawler tests.

Every page is our own writing. The site has the awkward parts of real ones: a robots.txt
that disallows a folder, a sitemap index with a gzipped sitemap, an RSS feed announced by
``<link rel="alternate">``, a section of three pages (an article linked from page 3 only),
a redirect, one article under three URLs, a page that fails twice with 503, one that always
does (Retry-After), one that never answers, one whose body stalls, an oversized one, a windows-1258 one, an off-topic one, a PDF link and an external
link. It answers conditional requests (ETag → 304), skipped pages included.
"""
from __future__ import annotations

import gzip
import hashlib
import threading
import time
import unicodedata
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def article(title: str, paragraphs: list[str], *, lang: str = "vi", canonical: str | None = None,
            date: str = "2025-09-12", charset: str = "utf-8") -> str:
    canon = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="{lang}"><head><meta name="robots" content="index"><meta charset="{charset}">
<title>{title}</title>{canon}<meta property="article:published_time" content="{date}T08:00:00+07:00">
</head><body><header><a href="/">Báo Tỉnh</a> · <a href="/xa-hoi/">Chuyên mục Xã hội</a></header>
<article><h1>{title}</h1><time datetime="{date}">{date}</time>
{body}
</article><footer><a href="/tin/bhyt-vung-cao-1.html">Tin liên quan</a></footer></body></html>"""


VI_1 = article("Huyện vùng cao nâng tỷ lệ bao phủ bảo hiểm y tế lên 92,7%", [
    "Đến cuối tháng 8, toàn huyện Kỳ Sơn có hơn 61.200 người tham gia bảo hiểm y tế, đạt tỷ lệ bao phủ 92,7% số dân.",
    "Bảo hiểm xã hội huyện phối hợp với các xã tổ chức đối thoại tại thôn bản, hướng dẫn bà con cài đặt ứng dụng VssID.",
    "Mục tiêu của huyện là đạt ít nhất 95% người dân có thẻ bảo hiểm y tế trước ngày 31 tháng 12 năm 2025.",
])
FR_2 = article("La couverture de l'assurance maladie progresse dans les districts de montagne", [
    "Selon la Sécurité sociale provinciale, 91,8 % des habitants disposaient d'une carte d'assurance maladie fin juin.",
    "Les cadres de l'Union des femmes se rendent dans chaque hameau pour expliquer l'assurance sociale volontaire.",
    "La province vise au moins 95 % de couverture d'ici la fin de l'année, a indiqué son directeur adjoint.",
], lang="fr")
EN_3 = article("Coastal commune helps fishermen keep their health insurance cards", [
    "More than 1,400 fishing households in the commune now hold health insurance cards, local officials said.",
    "A savings group set up by the farmers' association pays the premiums of members who lose a season at sea.",
    "The district wants health insurance coverage to pass 96 percent by the end of 2026.",
], lang="en")
VI_4 = article("Tiết kiệm từng đồng để mua thẻ bảo hiểm y tế hộ gia đình", [
    "Mô hình nuôi lợn đất do Hội Phụ nữ xã phát động đã giúp 230 hộ mua thẻ bảo hiểm y tế cho cả gia đình.",
    "Mỗi tháng các chị góp một khoản nhỏ, cuối năm mở lợn để đóng phí bảo hiểm y tế hộ gia đình.",
])
VI_7 = article("Người lao động tự do tham gia bảo hiểm xã hội tự nguyện tăng mạnh", [
    "Sáu tháng đầu năm, tỉnh có thêm 4.350 người tham gia bảo hiểm xã hội tự nguyện, tăng 18% so với cùng kỳ.",
    "Cán bộ bưu điện đến tận nhà tư vấn cho người bán hàng rong và thợ xây về quyền lợi lương hưu.",
], charset="windows-1258")
EN_9 = article("Province rolls out door-to-door campaign on social insurance", [
    "Teams of volunteers visited 5,600 households in September to explain voluntary social insurance.",
    "Provincial leaders said the number of participants should reach 12 percent of the workforce next year.",
], lang="en")
FR_11 = article("L'assurance chômage soutient les ouvriers des zones industrielles", [
    "Plus de 2 300 ouvriers ont perçu des allocations de l'assurance chômage au premier semestre, selon le centre pour l'emploi.",
    "Les entreprises de la zone industrielle ont été invitées à déclarer tous leurs salariés.",
], lang="fr")
FOOTBALL = article("Đội bóng đá tỉnh giành chiến thắng trên sân nhà", [
    "Trong trận đấu tối qua, đội bóng của tỉnh đã thắng 2-0 trước đội khách trước hơn 8.000 khán giả.",
    "Huấn luyện viên cho biết cả đội sẽ tập trung chuẩn bị cho vòng đấu tiếp theo vào cuối tuần.",
])
OLD_12 = article("Tổng kết công tác bảo hiểm y tế năm 2019", [
    "Năm 2019, tỷ lệ bao phủ bảo hiểm y tế của tỉnh đạt 88%, cao hơn năm trước hai điểm phần trăm.",
])
VI_14 = article("Học sinh vùng cao được cấp thẻ bảo hiểm y tế miễn phí", [
    "Năm học này, hơn 3.100 học sinh các trường dân tộc nội trú của tỉnh được cấp thẻ bảo hiểm y tế miễn phí.",
    "Nhà trường phối hợp với cơ quan bảo hiểm xã hội lập danh sách ngay từ đầu năm học.",
])
PRIVATE = article("Tài liệu nội bộ về bảo hiểm y tế", ["Trang này không được phép thu thập."])

def to_cp1258(text: str) -> bytes:
    """Encode as windows-1258 does: letters with a tone are a base letter plus a combining tone mark."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out.append((base + tones).encode("cp1258"))
    return b"".join(out)


ARTICLES = ["/tin/bhyt-vung-cao-1.html", "/tin/assurance-maladie-montagne-2.html", "/tin/health-insurance-fishermen-3.html",
            "/tin/heo-dat-bhyt-4.html", "/tin/bhxh-tu-nguyen-7.html", "/tin/social-insurance-campaign-9.html",
            "/tin/assurance-chomage-11.html", "/tin/bhyt-hoc-sinh-14.html"]


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # clients that time out or are killed reset their connections: expected here


class FixtureSite:
    """Serve the site in a thread; ``log`` holds (time, path, request headers) of every request."""

    def __init__(self, *, never_answers_for: float = 2.0, crawl_delay: float | None = None):
        self.log: list[tuple[float, str, dict]] = []
        self.never_answers_for = never_answers_for
        self.crawl_delay = crawl_delay
        self.flaky_left = 2
        self.server = _QuietServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.pages = self._pages()
        self.last_modified = formatdate(time.time() - 86400, usegmt=True)
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FixtureSite:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def requests_for(self, path: str) -> list[tuple[float, str, dict]]:
        return [r for r in self.log if r[1] == path]

    def _pages(self) -> dict[str, tuple[str, bytes]]:
        html = "text/html; charset=utf-8"
        home = """<!doctype html><html lang="vi"><head><meta name="robots" content="index"><meta charset="utf-8"><title>Báo Tỉnh</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>
<a href="/xa-hoi/">Xã hội</a> <a href="/tin/bhyt-vung-cao-1.html">Bảo hiểm y tế vùng cao</a></body></html>"""
        section = """<!doctype html><html><head><meta charset="utf-8"><title>Xã hội</title>
<link rel="next" href="/xa-hoi/?page=2"></head><body>
<a href="/tin/heo-dat-bhyt-4.html">Heo đất</a> <a href="/tin/bong-da-10.html">Bóng đá</a>
<a href="/tin/copy-bhyt-vung-cao.html">Bản sao</a> <a href="/in/bhyt-vung-cao-1.html">Bản in</a>
<a href="/files/bao-cao-bhyt.pdf">Báo cáo (PDF)</a> <a href="http://external.invalid/bao-hiem-y-te.html">Báo khác</a>
<a href="/private/tai-lieu-8.html">Nội bộ</a> <a href="/tin/bhxh-tu-nguyen-7.html">BHXH tự nguyện</a>
<a href="/tin/redirect-3.html">Ngư dân</a></body></html>"""
        section2 = """<!doctype html><html><head><meta charset="utf-8"><title>Xã hội - trang 2</title></head><body>
<a href="/tin/assurance-chomage-11.html">Assurance chômage</a> <a href="/xa-hoi/?page=3">Trang sau</a></body></html>"""
        section3 = """<!doctype html><html><head><meta charset="utf-8"><title>Xã hội - trang 3</title></head><body>
<a href="/tin/bhyt-hoc-sinh-14.html">Học sinh</a></body></html>"""
        print_page = VI_1.replace("<article>", '<article class="print">').replace(
            "</title>", '</title><link rel="canonical" href="/tin/bhyt-vung-cao-1.html">')
        return {
            "/": (html, home.encode()),
            "/xa-hoi/": (html, section.encode()),
            "/xa-hoi/?page=2": (html, section2.encode()),
            "/xa-hoi/?page=3": (html, section3.encode()),
            "/tin/bhyt-hoc-sinh-14.html": (html, VI_14.encode()),
            "/tin/bhyt-vung-cao-1.html": (html, VI_1.encode()),
            "/tin/copy-bhyt-vung-cao.html": (html, VI_1.encode()),
            "/in/bhyt-vung-cao-1.html": (html, print_page.encode()),
            "/tin/assurance-maladie-montagne-2.html": (html, FR_2.encode()),
            "/tin/health-insurance-fishermen-3.html": (html, EN_3.encode()),
            "/tin/heo-dat-bhyt-4.html": (html, VI_4.encode()),
            "/tin/bhxh-tu-nguyen-7.html": ("text/html", to_cp1258(VI_7)),
            "/tin/social-insurance-campaign-9.html": (html, EN_9.encode()),
            "/tin/assurance-chomage-11.html": (html, FR_11.encode()),
            "/tin/bong-da-10.html": (html, FOOTBALL.encode()),
            "/tin/tong-ket-bhyt-2019-12.html": (html, OLD_12.encode()),
            "/private/tai-lieu-8.html": (html, PRIVATE.encode()),
            "/files/bao-cao-bhyt.pdf": ("application/pdf", b"%PDF-1.4 not really"),
        }

    def xml_pages(self) -> dict[str, tuple[str, bytes]]:
        b = self.base
        index = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{b}/sitemap-tin.xml.gz</loc><lastmod>2025-09-30</lastmod></sitemap>
<sitemap><loc>{b}/sitemap-2019.xml</loc><lastmod>2019-12-31</lastmod></sitemap>
</sitemapindex>"""
        urls = ["/tin/bhyt-vung-cao-1.html", "/tin/assurance-maladie-montagne-2.html", "/tin/redirect-3.html",
                "/tin/flaky-5.html", "/tin/never-answers-6.html", "/tin/huge-13.html",
                "/private/tai-lieu-8.html"]
        urlset = "".join(f"<url><loc>{b}{u}</loc></url>" for u in urls)
        urlset += f"<url><loc>{b}/tin/tong-ket-bhyt-2019-12.html</loc><lastmod>2019-12-30</lastmod></url>"
        sitemap = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urlset}</urlset>"""
        old = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{b}/tin/tong-ket-bhyt-2019-12.html</loc><lastmod>2019-12-30</lastmod></url></urlset>"""
        feed = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo Tỉnh</title>
<link>{b}/</link><description>Tin mới</description>
<item><title>Province rolls out door-to-door campaign on social insurance</title>
<link>{b}/tin/social-insurance-campaign-9.html</link><pubDate>Mon, 15 Sep 2025 08:00:00 +0700</pubDate></item>
<item><title>Huyện vùng cao nâng tỷ lệ bao phủ bảo hiểm y tế</title>
<link>{b}/tin/bhyt-vung-cao-1.html?utm_source=rss</link><pubDate>Fri, 12 Sep 2025 08:00:00 +0700</pubDate></item>
</channel></rss>"""
        delay = f"Crawl-delay: {self.crawl_delay}\n" if self.crawl_delay else ""
        robots = f"User-agent: *\nDisallow: /private/\n{delay}\nSitemap: {b}/sitemap-index.xml\n"
        return {
            "/robots.txt": ("text/plain", robots.encode()),
            "/sitemap-index.xml": ("application/xml", index.encode()),
            "/sitemap-tin.xml.gz": ("application/gzip", gzip.compress(sitemap.encode())),
            "/sitemap-2019.xml": ("application/xml", old.encode()),
            "/rss.xml": ("application/rss+xml", feed.encode()),
        }

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                site.log.append((time.monotonic(), self.path, dict(self.headers)))
                path = self.path
                if path == "/tin/redirect-3.html":
                    return self._send(301, b"", "text/html", {"Location": "/tin/health-insurance-fishermen-3.html"})
                if path == "/tin/flaky-5.html":
                    if site.flaky_left > 0:
                        site.flaky_left -= 1
                        return self._send(503, b"busy", "text/plain", {"Retry-After": "0"})
                    return self._send(200, EN_9.replace("door-to-door", "flaky but fine").encode(), "text/html")
                if path == "/tin/always-busy-15.html":
                    return self._send(503, b"busy", "text/plain", {"Retry-After": "1"})
                if path == "/tin/stalls-16.html":  # headers, a little body, then nothing
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", "100000")
                    self.end_headers()
                    self.wfile.write(b"<html><body><p>bao hiem y te")
                    self.wfile.flush()
                    time.sleep(site.never_answers_for)
                    return None
                if path == "/tin/never-answers-6.html":
                    time.sleep(site.never_answers_for)
                    return None
                if path == "/tin/huge-13.html":
                    return self._send(200, b"<html><body>" + b"<p>bao hiem y te</p>" * 60000 + b"</body></html>",
                                      "text/html")
                pages = {**site.pages, **site.xml_pages()}
                if path not in pages:
                    return self._send(404, b"not found", "text/plain")
                ctype, body = pages[path]
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", None, {"ETag": etag})
                return self._send(200, body, ctype, {"ETag": etag, "Last-Modified": site.last_modified})

            def _send(self, status: int, body: bytes, ctype: str | None, headers: dict | None = None) -> None:
                try:
                    self.send_response(status)
                    if ctype:
                        self.send_header("Content-Type", ctype)
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler

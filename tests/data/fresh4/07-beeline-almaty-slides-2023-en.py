# Source of 07-beeline-almaty-slides-2023-en: a flat ODF presentation (.fodp),
# converted to PDF by LibreOffice Impress. Slides of a CSR-results presentation.
import sys
from xml.sax.saxutils import escape

SLIDES = [
    ("title", "Beeline Kazakhstan", [
        "Social impact 2023",
        "Results under the memorandum with the Akimat of Almaty",
        "KaR-Tel LLP · Almaty · 14 February 2024"]),
    ("big", "2023 at a glance", [
        ("₸ 1.9 bn", "total social investment, including in-kind"),
        ("12,000", "pupils in our digital programmes"),
        ("350", "employee volunteers"),
        ("2022: ₸ 1.4 bn", "for comparison")]),
    ("bullets", "Safer yards and schools", [
        "New sports ground at School No. 54, Auezov district — ₸ 45 mln",
        "Playground and yard lighting in Shanyrak-2 microdistrict — ₸ 38 mln",
        "Subtotal, infrastructure: ₸ 83 mln"]),
    ("bullets", "Digital skills", [
        "Beeline Code IT school: 1,200 pupils trained",
        "Paid internships for 80 Satbayev University students",
        "Scholarship fund at the Bilim Foundation — ₸ 60 mln"]),
    ("bullets", "Community", [
        "Laptops for 15 children’s homes and boarding schools — ₸ 72 mln",
        "Grant to the Dara children’s foundation — ₸ 25 mln",
        "Title sponsor of the Almaty Tigresses women’s basketball club — ₸ 90 mln",
        "Beeline Run charity half-marathon — ₸ 18 mln",
        "New Year gifts for 3,000 children — ₸ 9.5 mln"]),
    ("bullets", "Our people", [
        "350 employees gave 4,200 volunteer hours",
        "Pro-bono digital consulting for 25 NGOs and social entrepreneurs"]),
    ("bullets", "Not in the 2023 figures", [
        "Almaty Marathon partnership — postponed to 2024",
        "4G/5G network rollout: ₸ 85 bn — core business, not CSR",
        "Taxes paid in Almaty: ₸ 38 bn"]),
    ("title", "Thank you", [
        "Corporate Affairs, Beeline Kazakhstan",
        "csr@beeline.kz · +7 727 350 00 00"]),
]

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"')


def pstyle(name, size, bold=False, color="#1a1a1a", align="start"):
    return (f'<style:style style:name="{name}" style:family="paragraph">'
            f'<style:paragraph-properties fo:text-align="{align}" fo:margin-bottom="0.25cm"/>'
            f'<style:text-properties style:font-name="Liberation Sans" fo:font-family="Liberation Sans" '
            f'fo:font-size="{size}pt" fo:font-weight="{"bold" if bold else "normal"}" fo:color="{color}"/>'
            f'</style:style>')


def frame(x, y, w, h, paras, style="gr1"):
    body = "".join(f'<text:p text:style-name="{s}">{escape(t)}</text:p>' for s, t in paras)
    return (f'<draw:frame draw:style-name="{style}" svg:x="{x}cm" svg:y="{y}cm" svg:width="{w}cm" '
            f'svg:height="{h}cm"><draw:text-box>{body}</draw:text-box></draw:frame>')


def band():
    return ('<draw:rect draw:style-name="gr2" svg:x="0cm" svg:y="0cm" svg:width="28cm" '
            'svg:height="0.6cm"/><draw:rect draw:style-name="gr3" svg:x="0cm" svg:y="15.15cm" '
            'svg:width="28cm" svg:height="0.6cm"/>')


pages = []
for i, (kind, title, items) in enumerate(SLIDES, 1):
    out = [band()]
    if kind == "title":
        out.append(frame(2, 4.5, 24, 2.2, [("PT", title)]))
        out.append(frame(2, 7.2, 24, 5, [("PS", t) for t in items]))
    elif kind == "big":
        out.append(frame(1.5, 1.2, 25, 1.8, [("PH", title)]))
        for j, (num, cap) in enumerate(items):
            x = 1.5 + (j % 2) * 12.5
            y = 3.6 + (j // 2) * 5.2
            out.append(frame(x, y, 12, 4.5, [("PB", num), ("PC", cap)]))
    else:
        out.append(frame(1.5, 1.2, 25, 1.8, [("PH", title)]))
        out.append(frame(1.5, 3.4, 25, 11, [("PL", "• " + t) for t in items]))
    out.append(frame(24.5, 14.0, 3, 0.9, [("PN", str(i))]))
    pages.append(f'<draw:page draw:name="slide{i}" draw:style-name="dp1" '
                 f'draw:master-page-name="Default">{"".join(out)}</draw:page>')

doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/></office:font-face-decls>
<office:automatic-styles>
<style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="28cm" fo:page-height="15.75cm" style:print-orientation="landscape"/></style:page-layout>
<style:style style:name="dp1" style:family="drawing-page"><style:drawing-page-properties draw:fill="solid" draw:fill-color="#ffffff"/></style:style>
<style:style style:name="gr1" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="none" draw:textarea-vertical-align="top" fo:padding="0.1cm" draw:auto-grow-height="false"/></style:style>
<style:style style:name="gr2" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#ffc800"/></style:style>
<style:style style:name="gr3" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#222222"/></style:style>
{pstyle("PT", 40, True, align="center")}
{pstyle("PS", 20, align="center", color="#444444")}
{pstyle("PH", 30, True)}
{pstyle("PB", 44, True, color="#d49a00")}
{pstyle("PC", 16, color="#444444")}
{pstyle("PL", 20)}
{pstyle("PN", 11, color="#888888", align="end")}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1" draw:style-name="dp1"/></office:master-styles>
<office:body><office:presentation>
{"".join(pages)}
</office:presentation></office:body></office:document>
'''
open(sys.argv[1], "w", encoding="utf-8").write(doc)

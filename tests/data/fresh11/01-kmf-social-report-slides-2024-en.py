# 01: a slide deck of a microfinance company's social report for 2024, written as a flat
# ODF presentation (.fodp) and exported to PDF by LibreOffice Impress (python-pptx is not
# installable here). Title, "Key figures", bullets, a bar chart with data labels. en.
import sys
from xml.sax.saxutils import escape

W, H = 28.0, 15.75
slides = []

def frame(x, y, w, h, paras, size=16, bold=False, style="gr1"):
    ps = "".join(f'<text:p text:style-name="{"B" if bold else "N"}{size}">{escape(p)}</text:p>' for p in paras)
    return (f'<draw:frame draw:style-name="{style}" svg:x="{x}cm" svg:y="{y}cm" svg:width="{w}cm" '
            f'svg:height="{h}cm"><draw:text-box>{ps}</draw:text-box></draw:frame>')

def rect(x, y, w, h, style="bar"):
    return f'<draw:rect draw:style-name="{style}" svg:x="{x}cm" svg:y="{y}cm" svg:width="{w}cm" svg:height="{h}cm"/>'

def slide(title, body, foot="KMF Microfinance Organization LLP · Social Report 2024"):
    s = frame(1.2, 0.6, 25.6, 1.6, [title], 26, True)
    s += rect(1.2, 2.25, 25.6, 0.08, "line")
    s += body
    s += frame(1.2, 14.6, 20, 0.8, [foot], 10)
    slides.append(s)

tiles = [("KZT 292.5 mln", "community investment in 2024 (2023: KZT 241 mln)"),
         ("1,850", "women entrepreneurs trained"),
         ("KZT 96.3 bn", "loans to rural entrepreneurs"),
         ("1,240", "employee volunteers")]
body = frame(1.2, 2.5, 25.6, 0.8, ["KMF Microfinance Organization LLP («МФО «KMF» ЖШС) · presentation to the Board "
                                   "of Directors, Almaty, 14 March 2025 · figures for 2024, unaudited"], 12)
for i, (big, small) in enumerate(tiles):
    x = 1.2 + i * 6.5
    body += rect(x, 3.2, 6.0, 5.2, "tile")
    body += frame(x + 0.3, 3.6, 5.4, 1.6, [big], 24, True, "gr1")
    body += frame(x + 0.3, 5.6, 5.4, 2.6, [small], 13)
body += frame(1.2, 9.2, 25.6, 4.5, [
    "• Lending to micro and small business is KMF’s core activity; the loan figure is shown for context only.",
    "• Taxes paid in 2024: KZT 7.9 bn; staff: 3,900 employees in 17 regions."], 14)
slide("KMF: Social Report 2024 – Key figures", body)

slide("Financial literacy, entrepreneurship, volunteering", frame(1.2, 2.8, 25.6, 11.5, [
    "• Business school “Ayel Kasipker”: 1,850 women entrepreneurs in 14 regions completed a six-week course (KZT 85 mln)",
    "• Mentoring of 120 graduates of the course by KMF loan officers, in kind",
    "• Pro-bono consulting for social entrepreneurs of the “Qamqor” network by KMF lawyers and accountants",
    "• Scholarships of KZT 40,000 per month for 25 students of agricultural colleges in Turkistan Region",
    "• Mandatory AML/CFT training for all 3,900 employees (regulatory requirement)",
    "• Corporate volunteering programme “KMF Volunteers”: 1,240 employees, 9,600 hours in orphanages and nursing homes",
    "• In 2023 our volunteers built a playground in Shymkent (KZT 9 mln)"], 15))

slide("Community projects", frame(1.2, 2.8, 25.6, 11.5, [
    "• Kyzylorda Region: capital repair of the rural outpatient clinic in Zhalagash village – KZT 64 mln",
    "• Medical equipment for the Shieli district children’s rehabilitation centre and the Aral district hospital: "
    "KZT 18 mln and KZT 12 mln respectively",
    "• Transfer to the KMF Corporate Foundation for its small grants to rural libraries – KZT 40 mln",
    "• Nauryz charity fairs in six regional centres and New Year gifts for 2,000 children of clients’ families – KZT 21 mln",
    "• Sponsorship of the women’s volleyball club “Zhetysu” – KZT 30 mln",
    "• Contribution to the UN Women programme “Women’s Economic Empowerment in Kazakhstan” – US$ 50,000",
    "• Ice rink in Taldykorgan: not started, postponed to 2025"], 16))

# bar chart with data labels (KZT mln), 2023 vs 2024, by direction: aggregates
cats = [("Education", 62, 125), ("Health", 70, 94), ("Sport", 45, 30), ("Events", 64, 43.5)]
body = frame(1.2, 2.6, 25.6, 1, ["Community investment by direction, KZT mln"], 15, True)
base = 12.6
for i, (name, a, b) in enumerate(cats):
    x = 2.5 + i * 6.2
    for j, (v, st) in enumerate(((a, "bar2"), (b, "bar"))):
        h = v / 130 * 7.5
        body += rect(x + j * 2.2, base - h, 1.9, h, st)
        body += frame(x + j * 2.2 - 0.2, base - h - 0.9, 2.4, 0.8, [f"{v:g}"], 12, True)
    body += frame(x, base + 0.1, 4.5, 0.8, [name], 13)
body += rect(19.0, 3.9, 0.6, 0.4, "bar2") + frame(19.7, 3.7, 3, 0.8, ["2023"], 12)
body += rect(22.5, 3.9, 0.6, 0.4, "bar") + frame(23.2, 3.7, 3, 0.8, ["2024"], 12)
body += frame(1.2, 13.9, 25.6, 0.7, ["In 2025 KMF intends to continue its financial-literacy programmes and to keep "
                                     "community investment at the 2024 level."], 12)
slide("Where the money went", body)

BOLD = 'fo:font-weight="bold"'
sizes = (10, 12, 13, 14, 15, 16, 17, 20, 24, 26)
pstyles = "".join(
    f'<style:style style:name="{k}{s}" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.25cm"/>'
    f'<style:text-properties fo:font-size="{s}pt" style:font-name="Liberation Sans" fo:font-family="Liberation Sans" '
    + (BOLD if k == "B" else "") + ' fo:color="#1b2a3a"/></style:style>'
    for k in "NB" for s in sizes)
doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:automatic-styles>
<style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="{W}cm" fo:page-height="{H}cm" style:print-orientation="landscape"/></style:page-layout>
<style:style style:name="dp1" style:family="drawing-page"><style:drawing-page-properties draw:fill="solid" draw:fill-color="#ffffff"/></style:style>
<style:style style:name="gr1" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="none" draw:textarea-vertical-align="top" fo:padding="0.1cm" draw:auto-grow-height="false"/></style:style>
<style:style style:name="bar" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#0b6e4f"/></style:style>
<style:style style:name="bar2" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#9cc9b8"/></style:style>
<style:style style:name="line" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#0b6e4f"/></style:style>
<style:style style:name="tile" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#e6f2ed"/></style:style>
{pstyles}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1" draw:style-name="dp1"/></office:master-styles>
<office:body><office:presentation>
{"".join(f'<draw:page draw:name="s{i+1}" draw:master-page-name="Default" draw:style-name="dp1">{s}</draw:page>' for i, s in enumerate(slides))}
</office:presentation></office:body></office:document>
'''
open(sys.argv[1], "w", encoding="utf-8").write(doc)

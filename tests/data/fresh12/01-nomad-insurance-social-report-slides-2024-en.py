# 01: slide deck of an insurer's social report 2024 (English). The script writes a flat ODP
# (python-pptx is not installable here); make.sh converts it to PPTX with LibreOffice Impress,
# then the PPTX to PDF with Impress. Bullets, a bar chart with data labels, a "Key figures" slide.
import sys
from xml.sax.saxutils import escape

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"')
STYLES = """
<style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm"
 fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="25.4cm" fo:page-height="14.29cm" style:print-orientation="landscape"/></style:page-layout>
<style:style style:name="dp1" style:family="drawing-page"><style:drawing-page-properties draw:fill="solid" draw:fill-color="#ffffff"/></style:style>
<style:style style:name="gr0" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="none" draw:textarea-vertical-align="top" fo:padding="0.1cm" draw:auto-grow-height="false"/></style:style>
<style:style style:name="grBand" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#0b4f6c"/></style:style>
<style:style style:name="grBar" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#20a4c6"/></style:style>
<style:style style:name="grTile" style:family="graphic"><style:graphic-properties draw:stroke="solid" svg:stroke-color="#0b4f6c" draw:fill="solid" draw:fill-color="#eaf6fa" draw:textarea-vertical-align="top" fo:padding="0.2cm"/></style:style>
<style:style style:name="grAxis" style:family="graphic"><style:graphic-properties draw:stroke="solid" svg:stroke-color="#333333" draw:fill="none"/></style:style>
<style:style style:name="Ptitle" style:family="paragraph"><style:text-properties fo:font-family="Liberation Sans" fo:font-size="26pt" fo:font-weight="bold" fo:color="#0b4f6c"/></style:style>
<style:style style:name="Pwhite" style:family="paragraph"><style:text-properties fo:font-family="Liberation Sans" fo:font-size="12pt" fo:color="#ffffff"/></style:style>
<style:style style:name="Pbody" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.18cm"/><style:text-properties fo:font-family="Liberation Sans" fo:font-size="14pt" fo:color="#222222"/></style:style>
<style:style style:name="Psmall" style:family="paragraph"><style:text-properties fo:font-family="Liberation Sans" fo:font-size="10pt" fo:color="#555555"/></style:style>
<style:style style:name="Pbig" style:family="paragraph"><style:text-properties fo:font-family="Liberation Sans" fo:font-size="24pt" fo:font-weight="bold" fo:color="#0b4f6c"/></style:style>
<style:style style:name="Pwbig" style:family="paragraph"><style:text-properties fo:font-family="Liberation Sans" fo:font-size="22pt" fo:font-weight="bold" fo:color="#ffffff"/></style:style>
<style:style style:name="Plabel" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-family="Liberation Sans" fo:font-size="12pt" fo:font-weight="bold" fo:color="#222222"/></style:style>
"""
pages = []


def frame(x, y, w, h, paras, style="gr0"):
    ps = "".join(f'<text:p text:style-name="{s}">{escape(t)}</text:p>' for s, t in paras)
    return (f'<draw:frame draw:style-name="{style}" svg:x="{x}cm" svg:y="{y}cm" svg:width="{w}cm" '
            f'svg:height="{h}cm"><draw:text-box>{ps}</draw:text-box></draw:frame>')


def rect(x, y, w, h, style):
    return f'<draw:rect draw:style-name="{style}" svg:x="{x}cm" svg:y="{y}cm" svg:width="{w}cm" svg:height="{h}cm"/>'


def slide(title, shapes, n):
    body = rect(0, 13.3, 25.4, 0.99, "grBand")
    body += frame(0.8, 13.35, 24, 0.9, [("Pwhite", f"Nomad Insurance JSC · Social Report 2024 · slide {n}")])
    if title:
        body += frame(1.0, 0.6, 23.4, 1.6, [("Ptitle", title)])
    pages.append(f'<draw:page draw:name="s{n}" draw:style-name="dp1" draw:master-page-name="Default">{body}{shapes}</draw:page>')


def bullets(items, y=2.4, h=10.5, x=1.2, w=23):
    return frame(x, y, w, h, [("Pbody", "• " + t) for t in items])


slide("", rect(0, 0, 25.4, 3.6, "grBand") +
      frame(1.2, 0.5, 23, 3.0, [("Pwhite", "АО «Страховая компания «Номад Иншуранс» / Nomad Insurance JSC"),
                                 ("Pwbig", "SOCIAL REPORT 2024 · Community investment and our people"),
                                 ("Pwhite", "Board of Directors meeting, Almaty, 18 March 2025")]) +
      frame(1.2, 4.0, 23, 1.2, [("Ptitle", "Our approach")]) +
      bullets([
          "Nomad Insurance JSC (“Nomad Insurance”, “the Company”) is a general insurer with 17 branches in Kazakhstan.",
          "Since 2016 Nomad Insurance has invested more than KZT 1.9 billion in the communities where we work.",
          "In 2024 the Company paid KZT 6.4 billion of taxes and kept all 1,150 jobs in its branches.",
          "Compulsory training of all sales agents under the regulator's rules was completed in every branch.",
          "We will continue to support children, health and sport in the regions.",
      ], y=5.4, h=7.6), 1)

slide("2024: what we did in the communities", bullets([
    "Reconstruction of the playground and sports ground at Children's Village No. 1 in Almaty: KZT 38 million.",
    "Rehabilitation equipment donated to the Regional Children's Rehabilitation Centre in Taldykorgan: KZT 21.5 million.",
    "Grants to the Public Foundation “Dara” and to the “Konil” hospice: KZT 15 million and KZT 9 million respectively.",
    "Sponsorship of the national para-swimming team before the Paris Paralympics: KZT 12 million.",
    "Nauryz charity fair and the Children's Day family run in Almaty: KZT 6.5 million for both.",
    "New Year gifts for 600 children from large families in five regions: KZT 10 million.",
]), 2)

slide("2024: our people", bullets([
    "Road-safety lessons for 3,400 schoolchildren, given by 120 employee volunteers.",
    "Summer internships at our head office for 25 students of Narxoz University and KazNU.",
    "“Nomad Scholar”: a scholarship of KZT 50,000 a month for each of 10 students from rural areas.",
    "Voluntary medical insurance for all employees and their children (part of the benefits package).",
    "The stadium repair in Kapshagay, planned for 2024, was postponed to 2026 at the akimat's request.",
]), 3)

# "Key figures": six tiles on the left, a bar chart with data labels on the right
tiles = [("KZT 112 mln", "community investment in 2024 (total)"),
         ("120", "employee volunteers"),
         ("3,400", "schoolchildren at road-safety lessons"),
         ("0", "football clubs sponsored: the request of FC Kairat was declined"),
         ("KZT 6.4 bn", "taxes paid"),
         ("25", "interns at the head office")]
shapes = ""
for i, (big, small) in enumerate(tiles):
    x = 1.0 + (i % 2) * 6.3
    y = 2.3 + (i // 2) * 3.6
    shapes += frame(x, y, 6.0, 3.3, [("Pbig", big), ("Psmall", small)], style="grTile")
bars = [("2022", 180), ("2023", 205), ("2024", 112)]
shapes += frame(14.0, 2.3, 11, 0.8, [("Psmall", "Community investment by year, KZT million")])
shapes += rect(14.3, 3.4, 0.02, 8.0, "grAxis") + rect(14.3, 11.4, 10.5, 0.02, "grAxis")
for i, (yr, v) in enumerate(bars):
    h = v / 205 * 6.2
    x = 15.0 + i * 3.3
    shapes += rect(x, 11.4 - h, 2.2, h, "grBar")
    shapes += frame(x - 0.4, 11.4 - h - 0.85, 3.0, 0.8, [("Plabel", f"{v}")])
    shapes += frame(x - 0.4, 11.45, 3.0, 0.8, [("Plabel", yr)])
shapes += frame(14.0, 12.2, 11, 0.9, [("Psmall", "2023 included one-off flood relief in Kostanay Region (KZT 95 million).")])
slide("Key figures 2024", shapes, 4)

doc = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.2" '
       f'office:mimetype="application/vnd.oasis.opendocument.presentation">'
       f'<office:automatic-styles>{STYLES}</office:automatic-styles>'
       f'<office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1" draw:style-name="dp1"/></office:master-styles>'
       f'<office:body><office:presentation>{"".join(pages)}</office:presentation></office:body></office:document>')
open(sys.argv[1], "w", encoding="utf-8").write(doc)

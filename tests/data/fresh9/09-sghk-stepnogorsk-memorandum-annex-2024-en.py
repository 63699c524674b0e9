# 09: memorandum annex (list of social projects for 2024) as a DOCX with Word's automatic
# numbering ("List Number" style, numPr), a running header and a footer with page numbers.
# en. python-docx -> LibreOffice Writer -> PDF.
import sys
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docxkit import new_document, para, lines

doc = new_document(font="Liberation Serif", size=12)
sec = doc.sections[0]
hp = sec.header.paragraphs[0]
hp.text = "Annex 1 to the Memorandum of Social Partnership of 5 March 2024 · Akimat of Stepnogorsk – SMCC LLP"
hp.runs[0].font.size = Pt(9)
fp = sec.footer.paragraphs[0]
fp.alignment = 1
r = fp.add_run("Page ")
r.font.size = Pt(9)
for name in ("PAGE", None, "NUMPAGES"):
    if name is None:
        r = fp.add_run(" of "); r.font.size = Pt(9); continue
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), name)
    rr = OxmlElement("w:r"); t = OxmlElement("w:t"); t.text = "1"; rr.append(t); fld.append(rr)
    fp._p.append(fld)


def item(text):
    p = doc.add_paragraph(style="List Number")
    p.paragraph_format.space_after = Pt(4)
    run = p.add_run(text)
    run.font.name = "Liberation Serif"
    return p


para(doc, "Annex 1", align="r", bold=True, space_after=0)
para(doc, "to the Memorandum of Social Partnership between the Akimat of Stepnogorsk City, Akmola Region, "
     "and Stepnogorsk Mining and Chemical Complex LLP («Степногор тау-кен химия комбинаты» ЖШС) "
     "of 5 March 2024", align="r", italic=True)
para(doc, "LIST OF SOCIAL PROJECTS FOR 2024", align="c", bold=True)
para(doc, "Stepnogorsk Mining and Chemical Complex LLP (hereinafter “SMCC” or “the Company”) shall finance "
     "the following projects in 2024. In 2023 the Company financed social projects in the city for a total "
     "of KZT 180 million, including the new roof of the city sports palace.")
para(doc, "A. Social infrastructure", bold=True, keep=True)
item("Capital repair of the Stepnogorsk city polyclinic building: KZT 210,000,000 (two hundred and ten million tenge).")
item("Installation of street lighting in the village of Zavodskoy: KZT 65,000,000 (sixty-five million tenge).")
item("Reconstruction of the city heat network under the state programme “Modernisation of Housing and "
     "Utilities”, carried out by the Akimat from the republican and local budgets.")
para(doc, "B. Charity and sponsorship", bold=True, keep=True)
item("Purchase of a school bus for secondary school No. 5 of the village of Bestobe: KZT 38,000,000 "
     "(thirty-eight million tenge).")
item("Support of the city volleyball team “Progress” and the women’s handball team “Stepnogorsk”: "
     "KZT 12,000,000 and KZT 8,000,000 respectively.")
item("Financial support of religious associations is not provided for.")
para(doc, "C. Public events", bold=True, keep=True)
item("The 65th anniversary of the City Day and the Nauryz celebrations: KZT 20,000,000 (twenty million tenge) in total.")
para(doc, "D. Human development", bold=True, keep=True)
item("Scholarships for 12 students of the Stepnogorsk Mining and Technical College of KZT 40,000 per month each.")
item("Retraining of 50 unemployed residents of the city as welders and electricians at the Company’s training centre.")
item("Mandatory industrial safety training of the staff of the Company’s contractors.")
para(doc, "E. Other provisions", bold=True, keep=True)
item("The construction of the sports complex in the 4th microdistrict (item 6 of the 2023 list) is moved to "
     "2025; no funds are provided for it in 2024.")
item("The Company keeps 1,450 jobs and pays all taxes to the local budget in full.")
item("The total amount of the Company’s social investment under this Annex is KZT 353,000,000.")
para(doc, "F. Reporting", bold=True, keep=True)
item("The Company shall report to the Akimat on the execution of this Annex by 20 January 2025, listing each "
     "project, its cost and the date of completion.")
item("The Akimat shall publish the Company’s report on its official website and inform the public council "
     "of the city.")
item("Changes to this Annex are made by an additional agreement signed by both Parties.")
para(doc, "")
para(doc, "Signatures of the Parties", bold=True, align="c")
lines(doc, ["For the Akimat of Stepnogorsk City:                      For SMCC LLP:",
            "Akim  ______________  N. Zhumabekov                  General Director  ______________  V. Petrenko"],
      size=11)
doc.save(sys.argv[1])

# Final narrative and financial report of an NGO to its two corporate donors.
import sys
from docxkit import new_document, para, lines, table

doc = new_document(font="Liberation Sans", size=10.5)
lines(doc, ["PUBLIC FOUNDATION “EKIBASTUZ YOUTH INITIATIVE CENTRE”",
            "141200, Ekibastuz, Satpayev St. 37, office 12 · BIN 150940021377 · eyic.kz"], align="c", bold=False, size=9, space_after=10)
para(doc, "FINAL REPORT", align="c", bold=True, size=14, space_after=2)
para(doc, "Project “Start in Ekibastuz”: employment and social entrepreneurship of young people", align="c", bold=True, space_after=2)
para(doc, "Reporting period: 1 January – 31 December 2020", align="c", space_after=10)
table(doc, [
    ["Donors", "KAZ Minerals Bozshakol LLP (grant agreement No. BZ-CSR-2020/07 of 20.01.2020); Eurasian Energy Corporation JSC, a member of ERG (agreement No. 112-EEC of 03.02.2020)"],
    ["Partners", "Ekibastuz City Employment Centre (akimat of Ekibastuz); Ekibastuz Polytechnic College"],
    ["Submitted", "25 January 2021"],
], [4.0, 13.0], aligns=["l", "l"], header_rows=0, size=9.5)
para(doc, "")
para(doc, "1. Summary", bold=True, size=12)
para(doc, "The project helped young people of Ekibastuz and Ekibastuz district aged 18–29 who were not in employment, education or training (NEET) to gain a trade and a job, and supported young social entrepreneurs. It continued the 2019 pilot, in which 30 young people were trained with funding from the city employment centre. In 2020 the project was partly moved online because of the COVID-19 quarantine.")
para(doc, "2. Activities and results", bold=True, size=12)
para(doc, "2.1. Vocational training. With the grant of KAZ Minerals Bozshakol LLP, 85 NEET young people completed three-month vocational courses for welders, electricians and heavy-vehicle drivers at the Polytechnic College; 79 received certificates.")
para(doc, "2.2. Mentoring. Forty engineers of the Bozshakol mine worked as volunteer mentors of the trainees (in kind, outside working hours).")
para(doc, "2.3. Workshop. With the same grant, the Centre’s training workshop was refurbished (capital repair of the floor, wiring and ventilation).")
para(doc, "2.4. Employment. After the courses 23 graduates were hired by KAZ Minerals Bozshakol LLP and its contractors; 31 more found jobs through the employment centre, which paid their wage subsidies under the state Employment Roadmap.")
para(doc, "2.5. Micro-grants. Eurasian Energy Corporation JSC financed a competition of micro-grants for young social entrepreneurs: 19 grants were awarded (a café employing people with disabilities, a sewing workshop, a children’s robotics club and others).")
para(doc, "2.6. Pro-bono consulting. Finance and legal staff of Eurasian Energy Corporation JSC gave pro-bono consultations to 14 local NGOs on accounting, tax reporting and grant applications.")
para(doc, "2.7. Co-working. Eurasian Energy Corporation JSC paid for laptops, a projector and furniture for the Centre’s youth co-working space; this contribution was paid to the supplier in US dollars, US$ 12,000.")
para(doc, "2.8. The final Youth Forum planned for November 2020 was not held because of the quarantine restrictions; the funds were returned to the donor.")
para(doc, "3. Financial report (KZT)", bold=True, size=12, keep=True)
table(doc, [
    ["Component", "Source", "Plan", "Actual"],
    ["2.1 Vocational training courses", "KAZ Minerals Bozshakol", "12,000,000", "11,460,000"],
    ["2.3 Refurbishment of the training workshop", "KAZ Minerals Bozshakol", "6,000,000", "6,200,000"],
    ["2.5 Micro-grants for young social entrepreneurs", "Eurasian Energy Corporation", "10,000,000", "9,500,000"],
    ["2.7 Co-working equipment", "Eurasian Energy Corporation", "(paid in US$)", "—"],
    ["2.8 Youth Forum", "Eurasian Energy Corporation", "3,000,000", "0"],
    ["Wage subsidies", "Employment Centre (local budget)", "8,000,000", "8,000,000"],
    ["Total", "", "39,000,000", "35,160,000"],
], [6.6, 4.6, 2.9, 2.9], aligns=["l", "l", "r", "r"], bold_rows=(7,), size=9.5)
para(doc, "")
para(doc, "4. Next steps", bold=True, size=12)
para(doc, "KAZ Minerals Bozshakol LLP has confirmed its intention to fund a second phase of the project in 2021 (about KZT 20 million); the agreement will be signed in February 2021.")
para(doc, "")
table(doc, [["Director of the Public Foundation", "__________", "A. Mukhametzhanova"], ["Accountant", "__________", "L. Shevchenko"]],
      [7.5, 4.0, 5.5], aligns=["l", "c", "r"], header_rows=0, size=10.5, borders=False)
doc.save(sys.argv[1])

# 10: Kazzinc's narrative report (courtesy English translation) to the Akim of East Kazakhstan
# Region on the 2023 implementation of the 2023-2025 memorandum. No table. en.
# python-docx -> LibreOffice Writer.
import sys
from docxkit import new_document, para, lines

doc = new_document(font="Liberation Serif", size=12)
lines(doc, ["KAZZINC LLP", "1 Promyshlennaya St., Ust-Kamenogorsk, 070002, Republic of Kazakhstan"],
      align="c", bold=True, size=10, space_after=10)
lines(doc, ["Ref. No. KZ-SR/0093", "25 January 2024"], space_after=6)
lines(doc, ["To the Akim of East Kazakhstan Region", "(courtesy translation; the Russian original prevails)"],
      align="r", space_after=10)
para(doc, "Re: implementation in 2023 of the Memorandum of Cooperation for 2023–2025", align="l", bold=True)
para(doc, "Dear Akim,", align="l")
para(doc, "Kazzinc LLP (“Kazzinc”, part of the Glencore group) reports on the social projects it carried out "
     "in 2023 under the Memorandum of Cooperation with the Akimat of East Kazakhstan Region signed on "
     "3 February 2023.", first=1.0)
para(doc, "In Altai (the former Zyryanovsk) we completed the sports and recreation centre with a 25-metre "
     "pool and opened it to the public in November. Its total cost was KZT 1.45 billion. In Ust-Kamenogorsk "
     "the roof and the heating system of secondary school No. 8 were replaced for KZT 210 million, which "
     "closes the repair programme started in 2022 (KZT 380 million in that year).", first=1.0)
para(doc, "For the East Kazakhstan Regional Oncology Centre we purchased a linear accelerator service package "
     "and two ultrasound systems (US$ 400,000, or KZT 184 million). Kazzinc also transferred KZT 120 million "
     "to the Kazzinc Charitable Foundation “Altai Bolashagy” for its rehabilitation programme for children "
     "with disabilities. The Ridder dombra ensemble “Saz” received new instruments and stage costumes from us, "
     "and we remained the general sponsor of the ice hockey club Torpedo (KZT 850 million for the 2023/24 season).", first=1.0)
para(doc, "The celebration of the 80th anniversary of the city of Altai was financed by Kazzinc (KZT 30 million).", first=1.0)
para(doc, "Developing people remains our priority: 140 students of the D. Serikbayev East Kazakhstan "
     "Technical University had internships at our plants; 25 of our managers, as intellectual volunteers, "
     "consulted 14 local NGOs and social entrepreneurs on finance and project management; and 60 unemployed "
     "residents of Ridder were retrained as mining equipment operators, of whom 48 were hired "
     "(KZT 36 million, together with the regional employment centre).", first=1.0)
para(doc, "The swimming pool in Ridder has been postponed to 2024 while the design documents are revised, and "
     "the request to sponsor the Altai volleyball tournament was not supported. For reference, in 2023 "
     "Kazzinc paid KZT 160 billion in taxes, continued the development of the Zhairem mine, conducted the "
     "mandatory safety training of all personnel and implemented its Environmental Action Plan; these are not "
     "part of the Memorandum.", first=1.0)
para(doc, "In total, Kazzinc’s social investment under the Memorandum amounted to KZT 2.9 billion in 2023. "
     "In 2024 Kazzinc will continue to fulfil its obligations under the Memorandum.", first=1.0)
lines(doc, ["Yours faithfully,", "", "Director of Social Policy and Public Relations, Kazzinc LLP"], space_after=0)
doc.save(sys.argv[1])

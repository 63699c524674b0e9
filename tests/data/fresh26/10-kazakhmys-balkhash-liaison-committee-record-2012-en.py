# 10: record of a meeting of the Balkhash Community Liaison Committee (Kazakhmys Corporation's
# Balkhash complex, the city akimat, NGOs and residents), 2012. en. python-docx -> LibreOffice Writer.
import sys
from docxkit import new_document, para, lines, table

doc = new_document(font="Liberation Serif", size=11.5)
lines(doc, ["KAZAKHMYS CORPORATION LLP · BALKHASH MINING AND METALLURGICAL COMPLEX",
            "Community Relations Department · 4 Lenin St., Balkhash 100300 · tel. +7 71036 4-27-50"],
      align="c", bold=True, size=9.5, space_after=10)
para(doc, "BALKHASH COMMUNITY LIAISON COMMITTEE", align="c", bold=True, space_after=0)
para(doc, "Record of Meeting No. 3/2012", align="c", bold=True)
table(doc, [
    ["Date and place", "18 October 2012, 16:00, Conference hall of the Balkhash complex administration"],
    ["Chair", "A. Seitkali, Director for Community Relations, Balkhash complex (Kazakhmys Corporation LLP)"],
    ["Members present", "G. Dosova (Deputy Akim of Balkhash city); R. Mendygaliyev (Balkhash City Maslikhat); "
     "T. Pak (NGO “Balkhash Society of Disabled People”); Zh. Ermekova (Council of Veterans); "
     "S. Kim (residents of Sayak village); 2 other residents"],
    ["Secretary", "L. Omarova, Community Relations Department"],
], widths=[4.0, 13.0], aligns=["l", "l"], header_rows=0, size=10)
para(doc, "")
para(doc, "1. Community investment in 2012 (January–September)", bold=True)
para(doc, "A. Seitkali reported on the social programme of the Balkhash complex for 2012 under the memorandum "
     "with the Akimat of Balkhash city. The complex completed the replacement of the roof of School No. 7 "
     "(KZT 58 million) and handed over two buses to the Balkhash Children’s Rehabilitation Centre. Their "
     "cost was KZT 32 million.")
para(doc, "For the 75th anniversary of Balkhash city the company contributed KZT 40 million to the City Day "
     "celebrations on 1–2 September. It continued its sponsorship of the women’s handball team “Balkhash” "
     "(KZT 25 million for the 2012 season) and transferred KZT 10 million to the Balkhash Society of "
     "Disabled People for its day-care centre.")
para(doc, "Through the Kazakhmys Educational Foundation, 20 graduates of Balkhash schools received "
     "full-tuition grants to study at Karaganda universities; KZT 30 million was paid into the Foundation "
     "for this purpose.")
para(doc, "He recalled that in 2011 the complex had reconstructed the city embankment for KZT 210 million. "
     "Total community investment of the Balkhash complex in January–September 2012 was KZT 195 million.")
para(doc, "2. Environment and employment", bold=True)
para(doc, "In reply to S. Kim, the Chair said that the smelter’s environmental action plan for 2012–2014 "
     "(about US$ 12 million, including a new gas-cleaning system) is part of the company’s production "
     "programme. The complex employs 6,800 people; 150 residents of Sayak were hired in 2012.")
para(doc, "3. Questions and requests", bold=True)
para(doc, "Zh. Ermekova asked the company to fund a new swimming pool for the city. The Chair replied that "
     "the company is not in a position to fund a swimming pool in 2012 or 2013. G. Dosova said that the "
     "Akimat will repair the road to Sayak village in 2013 from the city budget and will provide a land "
     "plot for a future sports facility.")
para(doc, "Decisions", bold=True)
para(doc, "3.1. To take note of the report. 3.2. To forward the request for a swimming pool to the Akimat of "
     "Balkhash city. 3.3. Next meeting: January 2013.")
para(doc, "")
lines(doc, ["Chair: A. Seitkali ____________            Secretary: L. Omarova ____________"], space_after=6)
lines(doc, ["Distribution: members of the Committee; Akimat of Balkhash city; Kazakhmys Corporation LLP, "
            "Head Office (Karaganda)"], size=9)
doc.save(sys.argv[1])

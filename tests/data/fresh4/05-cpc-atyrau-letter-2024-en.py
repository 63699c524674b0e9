# Source of 05-cpc-atyrau-letter-2024-en (DOCX, then LibreOffice PDF).
import sys
from docxkit import new_document, para, lines, table

doc = new_document(font="Liberation Sans", size=11)

table(doc, [["CASPIAN PIPELINE CONSORTIUM\nCPC-K · Kazakhstan Branch\n"
             "12 Satpayev Street, Atyrau 060011\nTel. +7 7122 76 50 00",
             "Outgoing No. CPC-K/1-07/214\n22 February 2024\n\n"
             "To: Mr. S. Shapkenov\nAkim of Atyrau Region\n"
             "Re: your letter No. 03-12/456 of 14 February 2024"]],
      widths=[8.5, 8.5], aligns=["l", "l"], header_rows=0, size=10, borders=False)
para(doc, "")
para(doc, "Dear Mr. Shapkenov,", align="l")
para(doc, "Thank you for your letter listing the social projects for which the Akimat of Atyrau "
          "Region seeks the support of Caspian Pipeline Consortium in 2024. We have considered "
          "each item of your list, and our answers follow in the same order. We recall that in "
          "2023 CPC-K completed the 140-place kindergarten in Dossor (KZT 1.3 billion), which "
          "is now in operation.")
para(doc, "**Item 1. Sports and recreation complex in the village of Makhambet.** CPC-K confirms "
          "that it will finance the construction of the complex in 2024–2025. KZT 900 million "
          "will be allocated in 2024 and KZT 650 million in 2025, subject to the approval of the "
          "design estimate.")
para(doc, "**Item 2. Atyrau Regional Perinatal Centre.** CPC-K will provide a computed-tomography "
          "scanner and two neonatal intensive-care incubators to the Centre, worth US$ 1.1 million "
          "in total.")
para(doc, "**Item 3. Roof of Secondary School No. 17, Atyrau.** We regret that we cannot support "
          "this request in 2024, since the school is already included in the regional budget "
          "programme of capital repairs.")
para(doc, "**Item 4. Sport.** CPC-K will support the Atyrau women’s volleyball club and the "
          "“Zhaiyk” kazakh kuresi team with KZT 60 million and KZT 25 million respectively.")
para(doc, "**Item 5. Public holidays.** For the Day of the City festival in Atyrau and the Nauryz "
          "celebration in Kurmangazy District, CPC-K will allocate KZT 30 million for both events.")
para(doc, "**Item 6. Education.** The Consortium will continue the CPC-K scholarship programme for "
          "25 students of the Atyrau University of Oil and Gas named after S. Utebayev, at "
          "KZT 90,000 per month per student. In addition, the Consortium will offer internships of six months at the Atyrau pump "
          "station to 15 graduates of the Atyrau Polytechnic College.")
para(doc, "**Item 7. Other requests.** CPC-K will support the public foundation “Zhaiyk "
          "Qamqorlygy” with a grant of KZT 45,000,000 (forty-five million tenge) for its home-care "
          "programme for lonely elderly people. CPC-K will also fund the renovation of the "
          "reading rooms of the Kurmangazy District Central Library. The estimated cost of the "
          "works is KZT 72 million. As every year, our employees will take part in the “Clean "
          "Bank” volunteer clean-up of the Ural river embankment.")
para(doc, "Your item 8, the construction of a new bridge across the Ural in Atyrau, lies outside "
          "the scope of our social programme and cannot be supported.")
para(doc, "In total, CPC-K’s social support in Atyrau Region in 2024 will amount to about "
          "KZT 2.3 billion. Please note that this amount does not include our investment in the "
          "Debottlenecking Project, pipeline integrity and environmental monitoring, which are "
          "part of our operations, nor the taxes paid to the regional budget.")
para(doc, "For items 1 and 7 we kindly ask the Akimat to allocate the land plots, to connect the "
          "sites to utilities and to carry out the state expertise of the design documents at "
          "the expense of the local budget.")
para(doc, "We look forward to continuing our cooperation.")
para(doc, "")
lines(doc, ["Yours sincerely,", "", "A. Zhaksybekov", "Regional Manager, CPC-K Atyrau",
            "Caspian Pipeline Consortium"], align="l")
para(doc, "")
para(doc, "Executed by: D. Nurlanova, Public Relations, tel. +7 7122 76 51 19", align="l", size=9)

doc.save(sys.argv[1])

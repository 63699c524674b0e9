# 09: an English regional news item (as filed to the paper in Word) quoting the city akim and the
# plant director: a railway-wheel plant's 2016 social commitments. python-docx -> LibreOffice. en.
import sys
from docxkit import new_document, para, lines

doc = new_document(font="Liberation Sans", size=11)
lines(doc, ["PAVLODAR REGION TODAY · Business & Society", "Ekibastuz, 14 April 2016"], align="l", size=9, space_after=10)
para(doc, "**Wheel plant to build an ice rink for Ekibastuz and back young athletes**", align="l", size=16)
para(doc, "Prommashkomplekt LLP, the Ekibastuz maker of railway wheels and axles for freight and passenger "
     "cars, will spend part of its 2016 budget on the city, the plant’s director and the akim of Ekibastuz told "
     "journalists on Wednesday after signing this year’s memorandum of cooperation.", italic=True)
para(doc, "The largest project is an indoor ice rink in the 5th microdistrict. “We start construction in May, "
     "and the rink will cost KZT 420 million. The design has already passed state expertise,” said Askar Beisenov, "
     "director of the plant, which the city calls simply PMK.")
para(doc, "The akim, Nurlan Ramazanov, said the city would do its share. “The akimat has allocated the land and "
     "will build the access road and the car park from the local budget,” he said. “Last year the plant repaired "
     "the stadium of School No. 22 for KZT 90 million, and we thank them.”")
para(doc, "Prommashkomplekt will also give a grant of US$ 50,000 to the Ekibastuz children’s rehabilitation centre "
     "for new physiotherapy equipment and will sponsor the women’s volleyball club “Ekibastuz” with KZT 12 million "
     "in the 2016/17 season. For the City Day in September the plant will pay for the open-air concert and the "
     "fireworks, KZT 5 million in all.")
para(doc, "Twenty-five students of the Ekibastuz Technical College will receive plant scholarships of KZT 35,000 a "
     "month each, and fifteen graduates of the city orphanage will be given jobs on the shop floor, each with an "
     "experienced mentor from the plant. Employees, Mr. Beisenov added, will keep up their volunteer work at the "
     "city’s care home for the elderly.")
para(doc, "Asked about football, the director was clear: “We will not sponsor the football club this season; our "
     "money goes to children and to the rink.” He also pointed to the plant’s own investment programme: a second "
     "forging line worth US$ 30 million, due in 2017, which will create 200 jobs.")
para(doc, "In all, the plant’s social programme for 2016 is worth more than KZT 460 million, according to the akimat.")
para(doc, "By Dana Seitkali", align="r", italic=True, size=9)
doc.save(sys.argv[1])

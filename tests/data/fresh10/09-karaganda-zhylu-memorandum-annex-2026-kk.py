# 09: a memorandum annex as a DOCX: Word's automatic numbering (style "List Number"),
# a running header and a footer with page numbers (PAGE / NUMPAGES fields). kk.
# python-docx -> LibreOffice Writer.
import sys
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docxkit import new_document, para, lines


def field(run, code):
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar"); el.set(qn("w:fldCharType"), kind)
        elif text == code:
            el = OxmlElement("w:instrText"); el.set(qn("xml:space"), "preserve"); el.text = f" {code} "
        else:
            el = OxmlElement("w:t"); el.text = text
        run._r.append(el)


doc = new_document(font="Liberation Serif", size=12)
sec = doc.sections[0]
hp = sec.header.paragraphs[0]
hp.text = "«Қарағанды Жылу» ЖШС мен Қарағанды қаласы әкімдігі арасындағы Меморандумға 1-қосымша"
hp.runs[0].font.size = Pt(9)
fp = sec.footer.paragraphs[0]
fp.alignment = 1
r = fp.add_run("Бет "); r.font.size = Pt(9)
r = fp.add_run(); r.font.size = Pt(9); field(r, "PAGE")
r = fp.add_run(" / "); r.font.size = Pt(9)
r = fp.add_run(); r.font.size = Pt(9); field(r, "NUMPAGES")

lines(doc, ["Қарағанды қаласы әкімдігі мен «Қарағанды Жылу» ЖШС арасындағы",
            "2026 жылғы 16 қаңтардағы әлеуметтік әріптестік туралы Меморандумға", "1-қосымша"],
      align="r", size=11, space_after=10)
para(doc, "2026–2027 ЖЫЛДАРҒА АРНАЛҒАН ӘЛЕУМЕТТІК ІС-ШАРАЛАР ТІЗБЕСІ", align="c", bold=True)
para(doc, "«Қарағанды Жылу» жауапкершілігі шектеулі серіктестігі (бұдан әрі – Компания) Қарағанды қаласының "
     "әлеуметтік инфрақұрылымын дамытуға өз үлесін қосуды жалғастырады. 2025 жылы Компания Майқұдық "
     "ауданындағы көпқабатты үйлердің аулаларын абаттандырды (32 млн теңге).", first=1.0)
para(doc, "I. Компания жүзеге асыратын іс-шаралар", bold=True, keep=True)
items = [
    "Михайловка кентіндегі №12 мектептің ішкі жылу жүйесін күрделі жөндеу – 45 000 000 (қырық бес миллион) теңге, 2026 жыл.",
    "Қалалық перинаталдық орталыққа неонаталдық жабдық сатып алу – 25 000 000 (жиырма бес миллион) теңге, 2026 жыл.",
    "«Сарыарқа» хоккей клубының балалар командасына демеушілік көмек – 10 000 000 (он миллион) теңге.",
    "Энергетик күніне арналған қалалық мерекені өткізу – 6 000 000 (алты миллион) теңге, 2026 жылғы желтоқсан.",
    "Мүмкіндігі шектеулі балаларға арналған «Мейірім» оңалту орталығына жыл сайын 8 000 000 теңге, 2026–2027 жылдары барлығы 16 000 000 (он алты миллион) теңге.",
    "Қарағанды политехникалық колледжі студенттерінің №3 жылу электр орталығында өндірістік практикасын ұйымдастыру.",
    "Жылу энергетикасы мамандығы бойынша оқитын 15 студентке айына 50 000 (елу мың) теңгеден шәкіртақы төлеу.",
    "«Жылы үй» волонтерлік акциясы: Компания қызметкерлері жалғызбасты қарттардың үйлеріндегі пештерді жөндейді.",
    "Орталық саябақтағы субұрқақты қалпына келтіру 2028 жылға ауыстырылды.",
    "Діни нысандарға қаржылай көмек көрсету көзделмейді.",
    "Жылу желілерін жаңғырту (инвестициялық бағдарлама, 3,2 млрд теңге) және персоналды өнеркәсіптік қауіпсіздікке міндетті оқыту Меморандум шеңберінен тыс жүзеге асырылады.",
]
for t in items:
    p = doc.add_paragraph(t, style="List Number")
    p.alignment = 3
    for run in p.runs:
        run.font.name = "Liberation Serif"; run.font.size = Pt(12)
para(doc, "II. Әкімдік жүзеге асыратын іс-шаралар", bold=True, keep=True)
for t in ["Михайловка кентіндегі мектепке баратын жолды жергілікті бюджет есебінен жөндеу.",
          "Компанияның әлеуметтік жобалары туралы ақпаратты әкімдіктің ресми сайтында жариялау."]:
    p = doc.add_paragraph(t, style="List Bullet")
    for run in p.runs:
        run.font.name = "Liberation Serif"; run.font.size = Pt(12)
para(doc, "Компания іс-шараларының жалпы сомасы – 102 000 000 (бір жүз екі миллион) теңге.", first=1.0)
para(doc, "")
lines(doc, ["Қарағанды қаласының әкімі                                   «Қарағанды Жылу» ЖШС бас директоры",
            "_______________                                                  _______________"], size=11)
doc.save(sys.argv[1])

# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] key="03-title"
# # 03 · Частотная формула: средний чек × покупки × срок жизни
#
# После этого ноутбука вы сможете собрать LTV из трёх средних (сколько клиент тратит за покупку,
# как часто он покупает, как долго продолжает покупать) и заметить ошибки прочтения, из-за
# которых одна и та же формула даёт ответы, различающиеся в четыре раза.
#
# **Вы узнаете**
# - формулу LTV = AOV × RPR × срок жизни и её китайского двойника CLTV = APV × PF × CL;
# - как превратить «покупка раз в полгода» в частоту (2 в год), прежде чем умножать;
# - какие числа в разобранном примере входят в формулу, а какие — лишний шум;
# - почему среднее по очень разным клиентам может не описывать ни одного из них и почему
#   утверждение «лучшие клиенты тратят на 200 $ больше за заказ» в таком виде нельзя проверить.
#
# **Что нужно знать**: ноутбук 01 (периоды и единицы) и ноутбук 02 (выручка против валовой прибыли).

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
import numpy as np

from ltvkit import agrees, check, example, format_money, format_number, format_share, frequency_ltv, tr, tr_n
from ltvkit.calculators import frequency_calculator
from ltvkit.course.exercises import options
from ltvkit.course.glossary import glossary_table
from ltvkit.formulas import frequency_from_interval
from ltvkit.plots import bar_chart, cumulative_value_chart, frequency_ltv_chart

# %% [markdown] key="03-three-averages-multiplied"
# ## Произведение трёх средних
#
# Ноутбук 01 умножал выручку за период на число периодов. Частотная формула раскладывает выручку
# за период на два множителя, чтобы каждый рычаг был виден отдельно:
#
# LTV = средний чек (AOV) × покупки за период × срок жизни в периодах
#
# Обе части «за период» должны относиться к одному периоду: покупки *в год* идут вместе со сроком
# жизни *в годах*. В `ltvkit` это `frequency_ltv(average_order_value, purchases_per_period,
# lifetime_periods, margin=1.0)`; с маржой по умолчанию, равной 1, функция даёт выручку, а с
# валовой маржой — валовую прибыль.

# %% [markdown] key="03-e-advanced"
# ## E-advanced: повторная покупка «раз в полгода»
#
# Статья «Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса»
# называет эту формулу «продвинутой» и записывает её как LTV = AOV × RPR × Lifetime. RPR — буквы
# *repeat purchase rate*, которыми обычно обозначают долю клиентов, покупающих повторно; статья
# использует их для другого — для числа покупок за период (частоты), и именно оно нужно формуле.
# Её пример: средний чек 2 000 ₽, клиент возвращается «раз в полгода» и остаётся 3 года. Статья
# перемножает и получает 12 000 ₽.
#
# «Раз в полгода» — это время *между* покупками, а не число покупок. Сначала превратите его в
# частоту: одна покупка каждые 0,5 года — это 1 / 0,5 = 2 покупки в год.

# %%
advanced = example("E-advanced")
purchases_per_year = frequency_from_interval(advanced.inputs["purchase_interval_years"])  # «раз в полгода»
assert purchases_per_year == advanced.inputs["purchases_per_year"]

ltv = frequency_ltv(
    average_order_value=advanced.inputs["average_order_value"],
    purchases_per_period=purchases_per_year,
    lifetime_periods=advanced.inputs["lifetime_years"],
)
print(tr_n("{n} purchase a year -> LTV = {ltv} per customer", "{n} purchases a year -> LTV = {ltv} per customer",
           purchases_per_year, n=format_number(purchases_per_year), ltv=format_money(ltv, advanced.currency)))
assert agrees(ltv, advanced.figures["ltv"])

# %% [markdown] key="03-a-critical-look-the"
# ### Критический взгляд: те же слова, а число в четыре раза меньше
#
# Статья указывает «полгода» как значение RPR. Читатель, который подставит в формулу написанное,
# 0,5, получит четверть значения из статьи: 0,5 — это *интервал*, а интервал на месте частоты
# делит, вместо того чтобы умножать. Собственные 12 000 ₽ статьи получаются только при 2 покупках
# в год.

# %%
wrong_frequency = advanced.derived["wrong_purchases_per_year"]
wrong = frequency_ltv(advanced.inputs["average_order_value"], wrong_frequency, advanced.inputs["lifetime_years"])
print(tr_n("Wrong reading: {n} purchase a year -> {ltv}", "Wrong reading: {n} purchases a year -> {ltv}",
           wrong_frequency, n=format_number(wrong_frequency, 1), ltv=format_money(wrong, "RUB")))
print(tr_n("Right reading: {n} purchase a year -> {ltv} ({times} times as much)",
           "Right reading: {n} purchases a year -> {ltv} ({times} times as much)", purchases_per_year,
           n=format_number(purchases_per_year), ltv=format_money(ltv, "RUB"), times=format_number(ltv / wrong)))
assert agrees(wrong, advanced.derived["wrong_reading_ltv"])

# %% [markdown] key="03-a-quick-test-catches"
# Ошибку ловит быстрая проверка: за 3 года клиент, который покупает раз в полгода, делает около
# 3 / 0,5 = 6 покупок по 2 000 ₽, то есть 12 000 ₽. (Добавляет ли самая первая покупка седьмую —
# выбор, который формула за вас не делает; она считает по 2 покупки в каждом из 3 лет.)
#
# График показывает LTV в зависимости от числа покупок в год для двух чеков. Каждая линия прямая
# и начинается в нуле: LTV пропорционален частоте. Неверное и верное прочтение лежат на одной
# линии, в четырёх разах друг от друга. Вторая линия показывает, что вдвое больший чек при вдвое
# меньшей частоте (4 000 ₽ раз в год) даёт те же 12 000 ₽: в этой формуле чек и частота —
# взаимозаменяемые рычаги.

# %%
frequency_ltv_chart(
    [advanced.inputs["average_order_value"], 2 * advanced.inputs["average_order_value"]],
    advanced.inputs["lifetime_years"],
    max_purchases_per_period=4,
    currency="RUB",
    period="year",
    marks=[(tr("wrong: {n} a year", n=format_number(wrong_frequency, 1)), wrong_frequency),
           (tr("right: {n} a year", n=format_number(purchases_per_year)), purchases_per_year)],
)

# %% [markdown] key="03-e-cltv-formula"
# ## E-cltv-formula: та же формула в китайской статье
#
# Статья «联盟营销中客户终身价值的衡量与提升» (Измерение и рост CLTV в партнёрском маркетинге)
# предлагает одну базовую формулу: CLTV = APV × PF × CL. APV — сколько в среднем стоит покупка,
# PF — сколько покупок клиент делает за выбранный период, CL — как долго он продолжает покупать.
# Это те же три множителя, что и в российской статье, только с другими обозначениями, как
# показывает глоссарий практикума:

# %%
glossary_table(["AOV", "APV", "RPR", "PF", "CL"], meanings=False)

# %% [markdown] key="03-so-apv-is-the"
# Итак, APV — это средний чек, PF — частота покупок (то, что российская статья называет RPR,
# хотя repeat purchase rate обычно означает долю клиентов), а CL — срок жизни. С числами
# E-advanced китайская формула даёт те же 12 000 ₽, как и должна: это то же самое умножение.

# %%
cltv_example = example("E-cltv-formula")
cltv = frequency_ltv(
    average_order_value=cltv_example.inputs["apv"],
    purchases_per_period=cltv_example.inputs["pf"],
    lifetime_periods=cltv_example.inputs["cl"],
)
print(tr("CLTV = APV x PF x CL = {apv} x {pf} x {cl} = {cltv}", apv=format_number(cltv_example.inputs["apv"]),
         pf=format_number(cltv_example.inputs["pf"]), cl=format_number(cltv_example.inputs["cl"]),
         cltv=format_money(cltv, cltv_example.currency)))
assert agrees(cltv, cltv_example.derived["cltv"])

# %% [markdown] key="03-the-chinese-article-adds"
# Китайская статья добавляет, что более тонкий анализ учёл бы ещё валовую маржу и стоимость
# привлечения клиента (CAC). Обе укладываются в ту же функцию: `margin=` превращает выручку в
# валовую прибыль (ноутбук 02), а вычитание CAC даёт LTV за вычетом стоимости привлечения
# (ноутбук 06). Её определение к тому же говорит, что CLTV — это вся *выручка*, которую ожидают
# от клиента, так что простая формула даёт выручку, как бы её ни называли.

# %% [markdown] key="03-e-monthly-frequency"
# ## E-monthly-frequency: 2 покупки в месяц в течение 7 месяцев
#
# Та же российская статья считает по формуле и в месяцах. Её пример даёт четыре числа: 138
# клиентов, обслуженных за год, 2 покупки одного клиента в месяц, 7 месяцев покупок и средний чек
# 5 600 ₽. Статья получает 78 400 ₽ на клиента и прямо оговаривает, что валовая маржа ещё не
# учтена: это выручка.

# %%
monthly = example("E-monthly-frequency")
monthly_ltv = frequency_ltv(
    average_order_value=monthly.inputs["average_order_value"],
    purchases_per_period=monthly.inputs["purchases_per_month"],
    lifetime_periods=monthly.inputs["lifetime_months"],
)
print(tr("LTV = {ltv} of revenue per customer", ltv=format_money(monthly_ltv, monthly.currency)))
assert agrees(monthly_ltv, monthly.figures["ltv"])

# %% [markdown] key="03-month-by-month-the"
# Каждый месяц клиент добавляет 2 × 5 600 = 11 200 ₽; седьмой столбец — это LTV.

# %%
cumulative_value_chart(
    monthly.inputs["average_order_value"] * monthly.inputs["purchases_per_month"],
    monthly.inputs["lifetime_months"],
    currency="RUB",
    period="month",
)

# %% [markdown] key="03-why-138-customers-a"
# ### Почему «138 клиентов в год» ни на что не влияют
#
# Каждый множитель формулы — *на одного клиента*: сколько один клиент тратит за покупку, как часто
# один клиент покупает, как долго один клиент остаётся. Числа клиентов в формуле нет, поэтому его
# изменение не может изменить LTV. Оно важно для другого вопроса:
#
# - итог: если бы 138 были *новыми* клиентами за год, то за всё время они вместе принесли бы
#   138 × 78 400 ₽ (ниже). Это ценность когорты, а не клиента;
# - сами исходные данные: средний чек — это вся выручка, делённая на число заказов, а частота
#   покупок — заказы, делённые на клиентов. Число клиентов используется *там*, до формулы, и
#   никогда второй раз внутри неё.
#
# Разобранный пример, в котором названо неиспользуемое число, — хорошая проверка для читателя:
# прежде чем умножать, спросите о каждом числе: «на что?».
#
# **ex-03-4.** Одним предложением: почему 138 клиентов не могут изменить LTV на клиента?

# %%
print(options("ex-03-4"))
answer = None  # буква, например "a"
check("ex-03-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "c"  # чек, частота и срок жизни — все на одного клиента; число клиентов не множитель
check("ex-03-4", answer)

# %%
cohort_value = monthly.inputs["customers_per_year"] * monthly_ltv
customers = monthly.inputs["customers_per_year"]
print(tr_n("Lifetime revenue of {customers} new customer: {total} (a cohort total; the LTV per customer is still {ltv})",
           "Lifetime revenue of {customers} new customers: {total} (a cohort total; the LTV per customer is still {ltv})",
           customers, customers=customers, total=format_money(cohort_value, "RUB"),
           ltv=format_money(monthly_ltv, "RUB")))

# %% [markdown] key="03-e-mr-a-mr-b"
# ## E-mr-a-mr-b: два очень разных клиента
#
# Чтобы показать, почему одни клиенты важнее других, та же статья сравнивает двух покупателей.
# Господин «А» покупает 40 раз в год в среднем на 700 $, господин «Б» — дважды в год на 50 $. При
# сроке жизни в один год формула даёт ценность каждого клиента за год.

# %%
pair = example("E-mr-a-mr-b")
value_a = frequency_ltv(pair.inputs["a_average_order_value"], pair.inputs["a_purchases_per_year"], 1)
value_b = frequency_ltv(pair.inputs["b_average_order_value"], pair.inputs["b_purchases_per_year"], 1)
print(tr("Mr A: {a} a year; Mr B: {b} a year; A is worth {times} times as much", a=format_money(value_a, pair.currency),
         b=format_money(value_b, pair.currency), times=format_number(value_a / value_b)))
assert agrees(value_a, pair.figures["a_value_per_year"])
assert agrees(value_b, pair.derived["b_value_per_year"])
assert agrees(value_a / value_b, pair.derived["a_to_b_ratio"])

# %% [markdown] key="03-a-critical-look-200"
# Это значения *за год*. Пожизненными они станут, только если умножить их на число лет, в течение
# которых каждый из них продолжает покупать, а ничто не говорит, что оба остаются одинаково долго.
#
# ### Критический взгляд: «на 200 $ больше за заказ» — чем кто?
#
# Сразу после двух господ статья говорит, что самые ценные клиенты, как правило, тратят за заказ
# на 200 $ больше, чем средние. Её собственный пример этого не подтверждает и не может
# подтвердить, потому что утверждение не говорит, какое среднее имеется в виду:

# %%
extra = pair.figures["best_clients_extra_per_order"]
a_check, b_check = pair.inputs["a_average_order_value"], pair.inputs["b_average_order_value"]
orders_a, orders_b = pair.inputs["a_purchases_per_year"], pair.inputs["b_purchases_per_year"]
average_order = (value_a + value_b) / (orders_a + orders_b)  # каждый заказ обоих учтён один раз
print(tr("the article: the best spend {extra} more per order", extra=format_money(extra, "USD")))
print(tr("Mr A against Mr B: {extra} more, {times} times as much", extra=format_money(a_check - b_check, "USD"),
         times=format_number(a_check / b_check)))
print(tr("Mr A against the average order of the two ({average}): {extra} more",
         average=format_money(average_order, "USD", decimals=2),
         extra=format_money(a_check - average_order, "USD", decimals=2)))

# %% [markdown] key="03-what-such-a-spread"
# По сравнению с господином «Б» лучший клиент тратит за заказ на 650 $ больше; по сравнению со
# средним заказом, большая часть которых — заказы самого господина «А», — примерно на 31 $ больше.
# Ни то ни другое не 200 $, и оба ответа верны, только на разные вопросы. Абсолютное «на 200 $
# больше» к тому же ничего не значит при сравнении разных бизнесов: это много при чеке 50 $ и
# ничто при чеке 5 000 $. Такое утверждение становится проверяемым, когда в нём названы группы
# (скажем, верхние 10 % клиентов по выручке против остальных 90 %), показатель (медианный чек
# каждой группы) и период, — и тогда это запрос в одну строку к журналу заказов (такой есть в
# ноутбуке 09).
#
# ### Что такой разброс делает со средним
#
# Среднее по двум — 14 050 $ в год, и это значение не описывает ни одного из клиентов: оно больше
# ценности господина «Б» более чем в 140 раз и примерно вдвое меньше ценности господина «А».

# %%
average_of_two = (value_a + value_b) / 2
assert agrees(average_of_two, pair.derived["average_of_the_two_per_year"])
bar_chart(
    [tr("Mr A"), tr("Mr B"), tr("average of the two")],
    [value_a, value_b, average_of_two],
    currency="USD",
    title=tr("Value per year: two customers and their average"),
)

# %% [markdown] key="03-real-customer-bases-look"
# Настоящие клиентские базы больше похожи на одного господина «А» среди множества господ «Б».
# Возьмём десять клиентов, одного вроде А и девять вроде Б: среднее по-прежнему намного выше того,
# что приносит типичный клиент, а почти все деньги зарабатывает один клиент.

# %%
base = np.array([value_a] + [value_b] * 9)
print(tr("Average {mean} a year; median {median}; Mr A brings {share} of the revenue",
         mean=format_money(base.mean(), "USD"), median=format_money(np.median(base), "USD"),
         share=format_share(base.max() / base.sum(), 0)))

# %% [markdown] key="03-two-lessons-follow-an"
# Отсюда два урока. Средний LTV по смешанной базе тянут вверх немногие крупные клиенты, поэтому он
# завышает то, что принесёт типичный новый клиент; называйте рядом с ним медиану. А формулу лучше
# применять по сегментам (постоянные покупатели, случайные), у каждого свой чек, частота и срок
# жизни, — к этому статья и переходит дальше: она советует сосредоточиться на клиентах, которые
# покупают повторно.

# %% [markdown] key="03-try-it"
# ## Попробуйте сами
#
# Калькулятор перемножает средний чек, покупки в год, срок жизни в годах и валовую маржу с помощью
# `frequency_ltv`; график показывает линию LTV для вашего чека и отмечает вашу частоту. Начальные
# значения взяты из E-advanced. Ползунок маржи специально заходит за 1: маржа выше 100 %
# невозможна, и калькулятор говорит об этом вместо ответа. Следующая ячейка печатает результат
# при начальных значениях.

# %%
calculator = frequency_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="03-exercises"
# ## Упражнения
#
# Запишите своё число вместо `None` и выполните ячейку: `check` скажет, верно ли оно, или даст
# подсказку. Решения свёрнуты под каждым упражнением.
#
# **ex-03-1.** Клиент из E-advanced (чек 2 000 ₽, 3 года) возвращается не раз в полгода, а раз в
# квартал. Каков LTV, в рублях?

# %%
answer = None
check("ex-03-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
every_quarter = frequency_from_interval(0.25)  # 0,25 года между покупками
answer = frequency_ltv(advanced.inputs["average_order_value"], every_quarter, advanced.inputs["lifetime_years"])
check("ex-03-1", answer)

# %% [markdown] key="03-ex-03-2"
# **ex-03-2.** В E-monthly-frequency 30 % выручки — валовая прибыль. Каков LTV клиента по валовой
# прибыли, в рублях?

# %%
answer = None
check("ex-03-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = frequency_ltv(monthly.inputs["average_order_value"], monthly.inputs["purchases_per_month"],
                       monthly.inputs["lifetime_months"], margin=0.3)
check("ex-03-2", answer)

# %% [markdown] key="03-ex-03-3"
# **ex-03-3.** В магазине 100 клиентов: один вроде господина «А» и 99 вроде господина «Б». Какова
# средняя ценность одного клиента за год, в долларах? Сравните её со 100 $ господина «Б».

# %%
answer = None
check("ex-03-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = np.array([value_a] + [value_b] * 99).mean()
check("ex-03-3", answer)

# %% [markdown] key="03-summary"
# ## Итоги
#
# | формула | ltvkit | пример |
# |---|---|---|
# | покупки за период = 1 / интервал между покупками | `frequency_from_interval(interval_periods)` | «раз в полгода» → 2 в год |
# | LTV = AOV × покупки за период × срок жизни (× маржа) | `frequency_ltv(average_order_value, purchases_per_period, lifetime_periods, margin=1.0)` | E-advanced: 12 000 ₽ (а не 3 000) |
# | CLTV = APV × PF × CL (та же формула, обозначения китайской статьи) | `frequency_ltv(...)` | E-cltv-formula: 12 000 ₽ |
# | LTV на клиента никогда не включает число клиентов | — | E-monthly-frequency: 78 400 ₽, 138 не используется |
# | ценность одного клиента за год = чек × покупки в год | `frequency_ltv(check, purchases, 1)` | E-mr-a-mr-b: 28 000 $ и 100 $ |
#
# Прежде чем умножать, спросите о каждом числе: «на что?» — и согласуйте периоды. Дальше:
# ноутбук 04 превращает отток в срок жизни клиента.

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

# %% [markdown] key="01-title"
# # 01 · Основы LTV: что измеряет пожизненная ценность клиента
#
# После этого ноутбука вы сможете посчитать первый LTV по годовым показателям компании, назвать
# период и единицы, в которых он выражен, и объяснить, почему LTV двух компаний редко можно сравнивать.
#
# **Вы узнаете**
# - самую простую оценку LTV (выручка, делённая на число клиентов) и чего ей не хватает;
# - базовую формулу LTV = ARPU × срок жизни клиента и как согласовать в ней периоды;
# - почему значение LTV ничего не говорит без валюты, периода и того, что в нём считается
#   (выручка или прибыль);
# - как самостоятельно пересчитать пример в калькуляторе и проверить свой ответ.
#
# **Что нужно знать**: ноутбук 00 (как устроен практикум). Из математики — только умножение.

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
from ltvkit import (
    agrees,
    arpu_ltv,
    check,
    discounted_ltv,
    example,
    format_money,
    format_number,
    format_share,
    revenue_per_customer,
    tr,
    tr_n,
)
from ltvkit.calculators import arpu_calculator, revenue_per_customer_calculator
from ltvkit.course.exercises import options
from ltvkit.plots import bar_chart, cumulative_value_chart

# %% [markdown] key="01-what-ltv-is"
# ## Что такое LTV
#
# *Пожизненная ценность клиента* (LTV, lifetime value) — это деньги, которые один клиент приносит
# бизнесу за всё время, пока у него покупает. Это прогноз или факт **в расчёте на одного клиента**,
# в **валюте**, и складывается он из **выручки или прибыли**: каждое значение LTV должно прямо
# говорить, из чего именно.
#
# Статьи, по которым построен практикум, используют несколько формул: от грубого среднего до
# истории покупок конкретного клиента. Этот ноутбук начинается с двух самых простых.

# %% [markdown] key="01-e-simple"
# ## E-simple: выручка за год, делённая на клиентов за год
#
# Статья «Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса»
# открывает список формул самой быстрой оценкой: возьмите, сколько компания заработала за период,
# и разделите на число клиентов, которых она обслужила за тот же период. Компания из её примера
# получила за год 5 млн рублей от 200 клиентов.

# %%
simple = example("E-simple")
per_customer = revenue_per_customer(
    revenue=simple.inputs["revenue_per_year"], customers=simple.inputs["customers_per_year"]
)
print(tr("Revenue per customer: {amount} a year", amount=format_money(per_customer, simple.currency)))
assert agrees(per_customer, simple.figures["revenue_per_customer"])

# %% [markdown] key="01-a-critical-look-this"
# ### Критический взгляд: это выручка за год, а не прибыль за всю жизнь клиента
#
# Статья называет результат прибылью, которую в среднем принёс каждый клиент. Два слова в этой
# фразе не соответствуют расчёту:
#
# - **прибыль**: 5 млн — это *выручка* компании (её доход), так что 25 000 ₽ — это выручка на
#   клиента. Чтобы получить прибыль, сначала нужно вычесть затраты (это делает ноутбук 02);
# - **пожизненная**: значение охватывает *один год*. Оно равно пожизненной ценности, только если
#   каждый клиент остаётся ровно на год. Клиент, который остаётся на три года, стоит примерно
#   втрое больше; тот, кто уходит через месяц, — гораздо меньше.
#
# Поэтому честная подпись — «выручка на клиента за год». Это полезное первое число, если не
# выдавать его за LTV.

# %% [markdown] key="01-e-manufacturing"
# ## E-manufacturing: ARPU × срок жизни
#
# Статья агентства о LTV для производственных компаний (источник 002; у нашей копии нет
# собственного заголовка) берёт базовую формулу: средний доход с клиента за период (ARPU),
# умноженный на число периодов, которое клиент остаётся с компанией. Клиент производителя
# приносит 1 000 000 ₽ в год и остаётся 7 лет.

# %%
manufacturing = example("E-manufacturing")
years = manufacturing.inputs["lifetime_years"]
ltv = arpu_ltv(arpu=manufacturing.inputs["arpu_per_year"], lifetime=years)
print(tr_n("LTV = {ltv} per client over {years} year", "LTV = {ltv} per client over {years} years", years,
           ltv=format_money(ltv, manufacturing.currency), years=years))
assert agrees(ltv, manufacturing.figures["ltv"])

# %% [markdown] key="01-the-picture-shows-the"
# График показывает, как ценность накапливается год за годом: последний столбец — это LTV.

# %%
cumulative_value_chart(manufacturing.inputs["arpu_per_year"], manufacturing.inputs["lifetime_years"], currency="RUB",
                       period="year")

# %% [markdown] key="01-a-critical-look-7"
# ### Критический взгляд: 7 миллионов выручки — это не 7 миллионов ценности
#
# Агентство называет 7 000 000 ₽ пожизненной ценностью клиента. Здесь натянуты два слова:
#
# - **ценность**: миллион в год — это то, что клиент *платит*, то есть выручка. Для производителя клиент
#   стоит маржу с этой выручки, за вычетом себестоимости того, что он покупает, а маржу статья не называет;
# - **пожизненная**: деньги приходят за 7 лет, а рубль, пришедший на седьмой год, стоит меньше рубля
#   сегодня (его можно было вложить или потратить на привлечение следующего клиента, а цены тем
#   временем растут). Дисконтирование объясняется в ноутбуке 05; вот его ответ для ставки
#   дисконтирования 10% в год, когда платёж каждого года учитывается в начале этого года:

# %%
annual_rate = 0.10  # допущение: сколько деньги производителя могли бы заработать в другом месте
today = discounted_ltv(manufacturing.inputs["arpu_per_year"], retention_rate=1.0, discount_rate=annual_rate,
                       periods=manufacturing.inputs["lifetime_years"])
print(tr("{ltv} paid over {years} years is worth {today} today at {rate} a year", ltv=format_money(ltv, "RUB"),
         years=manufacturing.inputs["lifetime_years"], today=format_money(today, "RUB", decimals=0),
         rate=format_share(annual_rate, 0)))
assert agrees(today / 1e6, manufacturing.derived["present_value_millions_at_10_percent"])
for margin in (0.2, 0.3, 0.5):  # маржа для иллюстрации: в статье её нет
    print(tr("  as gross profit at a {margin} margin: {amount}", margin=format_share(margin, 0),
             amount=format_money(today * margin, "RUB", decimals=0)))

# %% [markdown] key="01-so-the-honest-label"
# Так что честная подпись к цифре статьи — «выручка за 7 лет без дисконтирования». Около
# 5,36 миллиона — это та же выручка в сегодняшних деньгах, а ценность клиента как прибыль — лишь
# часть этой суммы. И 7 лет — это среднее: кто-то из клиентов уходит через два года, и ноутбук 04
# это учитывает.

# %% [markdown] key="01-periods-and-units-keep"
# ## Периоды и единицы: одинаковые с обеих сторон
#
# ARPU — это деньги *за период*, срок жизни — *число периодов*. Произведение даёт деньги, только
# если оба множителя взяты за один и тот же период. Показатели производителя можно пересчитать
# на месяц: ARPU станет 1 000 000 / 12 ₽ в месяц, а срок жизни — 7 × 12 = 84 месяца. LTV от
# этого не меняется: это те же самые деньги.

# %%
monthly_arpu = manufacturing.inputs["arpu_per_year"] / 12
lifetime_months = manufacturing.inputs["lifetime_years"] * 12
monthly_ltv = arpu_ltv(arpu=monthly_arpu, lifetime=lifetime_months)
print(tr("Monthly ARPU {arpu} x {months} months = {ltv}", arpu=format_money(monthly_arpu, "RUB", decimals=2),
         months=lifetime_months, ltv=format_money(monthly_ltv, "RUB")))
assert agrees(monthly_ltv, manufacturing.figures["ltv"])

# %% [markdown] key="01-mixing-the-periods-is"
# Смешать периоды — самая частая ошибка: годовой ARPU, умноженный на срок жизни в месяцах,
# завышает LTV в двенадцать раз.

# %%
mixed = arpu_ltv(arpu=manufacturing.inputs["arpu_per_year"], lifetime=lifetime_months)
times = mixed / ltv
print(tr_n("Yearly ARPU x lifetime in months = {ltv}: {times} time too much",
           "Yearly ARPU x lifetime in months = {ltv}: {times} times too much", round(times),
           ltv=format_money(mixed, "RUB"), times=format_number(times)))

# %% [markdown] key="01-why-one-firm-s"
# ## Почему LTV одной компании мало говорит о другой
#
# Оба примера выше называются LTV, но различаются во всём, что важно:
#
# | | E-simple | E-manufacturing |
# |---|---|---|
# | что складывается | выручка | выручка |
# | за какой период | один год | всё время сотрудничества (7 лет) |
# | на кого | клиент, обслуженный за год | клиент |
# | валюта | рубли | рубли |
#
# Прежде чем сравнивать LTV, спросите: выручка или прибыль? За какой период? На клиента, на
# пользователя или на аккаунт? В какой валюте и в деньгах какого года? График двух чисел рядом
# показывает, как далеко друг от друга могут оказаться два «LTV», если ответы на эти вопросы разные.

# %%
bar_chart(
    [tr("E-simple (1 year, revenue)"),
     tr_n("E-manufacturing ({years} year, revenue)", "E-manufacturing ({years} years, revenue)", years, years=years)],
    [per_customer, ltv],
    currency="RUB",
    title=tr("Two numbers both called LTV"),
)

# %% [markdown] key="01-try-it"
# ## Попробуйте сами
#
# Двигайте ползунки: ARPU за год и число лет. Строка результата пересчитывает LTV функцией
# `arpu_ltv`, а график перерисовывается. Следующая ячейка печатает результат при начальных
# значениях (производителя), поэтому на странице есть настоящее число даже там, где виджеты
# не работают.

# %%
calculator = arpu_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="01-a-second-calculator-for"
# Второй калькулятор — для самой простой формулы, с начальными значениями из E-simple.

# %%
simple_calculator = revenue_per_customer_calculator()
simple_calculator

# %%
print(simple_calculator.result_text)

# %% [markdown] key="01-exercises"
# ## Упражнения
#
# Впишите своё число вместо `None` и запустите ячейку: `check` скажет, верно ли, или даст
# подсказку. Решения свёрнуты под каждым упражнением (нажмите на многоточие, чтобы открыть).
#
# **ex-01-1.** Другому клиенту производителя выставляют счёт на 250 000 ₽ каждый квартал, и он
# остаётся 5 лет. Каков LTV этого клиента в рублях?

# %%
answer = None
check("ex-01-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
quarters = 5 * 4
answer = arpu_ltv(arpu=250_000, lifetime=quarters)  # ARPU за квартал × срок жизни в кварталах
check("ex-01-1", answer)

# %% [markdown] key="01-ex-01-2"
# **ex-01-2.** Компания из E-simple сохраняет выручку, но обслуживает на 50 клиентов больше.
# Какова теперь выручка на клиента, в рублях за год?

# %%
answer = None
check("ex-01-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = revenue_per_customer(revenue=simple.inputs["revenue_per_year"], customers=simple.inputs["customers_per_year"] + 50)
check("ex-01-2", answer)

# %% [markdown] key="01-ex-01-3"
# **ex-01-3.** Ошибиться можно и в другую сторону. Коллега берёт ARPU производителя *за месяц*
# и умножает его на срок жизни *в годах* как есть. Какое число в рублях он получит? Во сколько
# раз оно меньше правильного?

# %%
answer = None
check("ex-01-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = arpu_ltv(arpu=monthly_arpu, lifetime=manufacturing.inputs["lifetime_years"])
check("ex-01-3", answer)
# в 12 раз меньше: к месячному ARPU нужен срок жизни в месяцах.

# %% [markdown] key="01-ex-01-4"
# **ex-01-4.** Клиенты E-simple приносят по 25 000 ₽, клиенты E-manufacturing — по 7 000 000 ₽. Почему
# это не доказывает, что клиенты производителя ценнее в 280 раз?

# %%
print(options("ex-01-4"))
answer = None  # буква, например "a"
check("ex-01-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "c"  # выручка за год на обслуженного клиента против выручки за семь лет на клиента
check("ex-01-4", answer)

# %% [markdown] key="01-summary"
# ## Итоги
#
# | формула | ltvkit | пример |
# |---|---|---|
# | выручка на клиента = выручка за период / клиенты за тот же период | `revenue_per_customer(revenue, customers)` | E-simple: 25 000 ₽ в год |
# | LTV = ARPU × срок жизни (один и тот же период в обоих) | `arpu_ltv(arpu, lifetime)` | E-manufacturing: 7 000 000 ₽ |
#
# У каждого значения LTV должны быть свои подписи: валюта, период, выручка или прибыль, на кого оно
# посчитано и дисконтированы ли будущие деньги (7 000 000 ₽ за 7 лет — это около 5,36 миллиона сегодня
# при 10% в год, `discounted_ltv(arpu, retention_rate=1.0, discount_rate=0.10, periods=7)`).
# Дальше: ноутбук 02 считает LTV по истории покупок одного клиента и переходит от выручки к прибыли.

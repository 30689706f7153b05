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

# %% [markdown] key="10-title"
# # 10 · Партнёры и каналы: LTV, CAC и что даёт схема комиссий
#
# После этого ноутбука вы сможете разложить LTV и стоимость привлечения по каналам и партнёрам,
# оценивать партнёра по тому, сколько действительно новых клиентов приносит следующий потраченный
# на него рубль, и посчитать цену комиссии с повторных продаж до того, как её предложить.
#
# **Вы узнаете**
# - как отнести каждого клиента к каналу и партнёру его первой покупки;
# - LTV, CAC и LTV:CAC по источникам и какие источники приводят клиентов, которые покупают снова;
# - почему LTV:CAC, чистый LTV на клиента и доход со следующего рубля ранжируют источники по-разному
#   и какой из них нужен бюджету;
# - почему купонным и кешбэк-партнёрам засчитывают покупателей, которые пришли бы и так, во что
#   обходятся их промокоды и как это измеряет тест с контрольной группой;
# - во что обходится оплата партнёрам повторных продаж и что остаётся школе с клиента.
#
# **Что нужно знать**: ноутбук 09 (выгрузка школы и `customer_summary`), ноутбуки 02 и 06 (валовой
# LTV, LTV за вычетом CAC, отношение LTV:CAC).

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
import pandas as pd

from ltvkit import check, format_money, format_number, format_ratio, format_share, tr, tr_n
from ltvkit.acquisition import acquisition_table, source_costs
from ltvkit.calculators import commission_calculator
from ltvkit.course.capstone import CASE
from ltvkit.course.exercises import options
from ltvkit.course.holdout import school_incrementality, true_incremental_profit
from ltvkit.course.school import school_costs
from ltvkit.incrementality import incremental_table, promo_discount
from ltvkit.orders import partner_base, partner_economics, read_orders
from ltvkit.plots import grouped_bar_chart

# %% [markdown] key="10-two-articles-one-question"
# ## Две статьи, один вопрос
#
# Статья «Увеличение LTV партнеров: проверенные стратегии» советует рекламодателю выяснить, какие
# партнёры приводят самых ценных клиентов, держать LTV не ниже двух CAC и подумать о том, чтобы
# вознаграждать партнёров и за повторные покупки клиента. Статья «联盟营销中客户终身价值的衡量与提升»
# («Измерение и повышение CLTV в партнёрском маркетинге») тоже рассуждает со стороны рекламодателя:
# направлять партнёрский бюджет туда, откуда приходят клиенты с высоким CLTV, а для более точного
# CLTV учитывать себестоимость и затраты на привлечение. Цифр ни одна из статей не приводит. Данные
# школы позволяют их посчитать.
#
# Прочитаем выгрузку, как в ноутбуке 09, и таблицу затрат отдела маркетинга: во что обошёлся каждый
# канал за два года (рекламные бюджеты, контент, фиксированные платежи партнёрам), какую комиссию
# каждый партнёр получает сегодня (долю только с первой продажи) и какую скидку даёт промокод
# партнёра на первый заказ клиента (`discount_pct`).

# %%
orders = read_orders("../data/school_orders.csv", customer="ID клиента", date="Дата оплаты", amount="Сумма, руб.",
                     partner="Партнёр", channel="Канал", extra={"Номер заказа": "order"}, on_bad_rows="skip")
costs = school_costs()  # read_partner_costs("../data/school_partners.csv"), тип источника — на вашем языке
print(tr("{rows} order rows; {customers} customers", rows=format_number(len(orders)),
         customers=format_number(orders["customer"].nunique())))
costs

# %% [markdown] key="10-ltv-cac-and-ltv"
# ## LTV, CAC и LTV:CAC по источникам
#
# Каждый клиент относится к источнику своей первой покупки. Для каждого источника:
# CAC = (фиксированные затраты + комиссии с первых продаж) / клиенты; валовой LTV = выручка на
# клиента × маржа (60 %, как в ноутбуке 09); LTV:CAC = валовой LTV / CAC; чистый LTV = валовой LTV −
# CAC − комиссии с повторных продаж, если они есть. Возврат вычитается из той продажи, которую он
# отменяет, поэтому за возвращённую первую покупку партнёр ничего не получает.

# %%
margin = 0.6
base = partner_base(orders, costs)
today = partner_economics(base, margin=margin)
table = today[["kind", "customers", "repeat_buyers", "gross_ltv", "cac", "ltv_to_cac", "net_ltv"]].copy()
table.index = [partner or channel for channel, partner in table.index]
table.round({"repeat_buyers": 3, "gross_ltv": 0, "cac": 0, "ltv_to_cac": 2, "net_ltv": 0}).rename(columns={
    "repeat_buyers": tr("bought again (share)"), "gross_ltv": tr("gross LTV, RUB"), "cac": tr("CAC, RUB"),
    "ltv_to_cac": "LTV:CAC", "net_ltv": tr("net LTV, RUB")})

# %% [markdown] key="10-money-in-the-table"
# Деньги в таблице — на одного клиента источника, в рублях, за два года данных; LTV:CAC — это
# валовой LTV, делённый на CAC: «4,74» значит 4,74:1. Выручка всех источников в сумме равна выручке
# школы, так что при атрибуции ни одна продажа не потерялась.

# %%
attributed = (base.sources["revenue"]).sum()
assert abs(attributed - orders["amount"].sum()) < 0.01
print(tr("attributed revenue {amount} = the export's total", amount=format_money(attributed, "RUB")))
grouped_bar_chart(list(table.index), {tr("gross LTV"): table["gross_ltv"].tolist(), "CAC": table["cac"].tolist()},
                  currency="RUB", title=tr("Gross LTV and CAC per customer, by source (margin 60%)"))

# %% [markdown] key="10-which-partners-bring-customers"
# ## Какие партнёры приводят клиентов, которые покупают снова
#
# Доля клиентов, купивших второй раз, у разных партнёров различается почти втрое. Купонный сайт и
# кешбэк-сервис приводят много клиентов со скидкой, и те в основном покупают один недорогой курс;
# блогер, Telegram-канал и HR-партнёр приводят меньше людей, зато они возвращаются.

# %%
affiliates = today[today.index.get_level_values("partner") != ""]
for (_channel, partner), row in affiliates.sort_values("repeat_buyers", ascending=False).iterrows():
    print(tr_n("{partner} {kind} {customers} customer, {share} bought again, revenue per customer {revenue}",
               "{partner} {kind} {customers} customers, {share} bought again, revenue per customer {revenue}",
               row["customers"], partner=partner.ljust(16), kind=row["kind"].ljust(26),
               customers=format_number(row["customers"]).rjust(4), share=format_share(row["repeat_buyers"]),
               revenue=format_money(row["revenue"], "RUB", decimals=0)))

# %% [markdown] key="10-a-critical-look-three"
# ### Критический взгляд: три правила, три рейтинга
#
# Эмпирическое правило первой статьи — LTV:CAC не ниже 2:1. Его проходит каждый источник, так что
# выбрать между ними оно не помогает. Распространены ещё два правила. **Чистый LTV на клиента**
# (валовой LTV − CAC) говорит, сколько оставляет один клиент, но бюджет покупает клиентов, а не
# одного клиента: там, где клиенты дешёвые, на те же деньги их можно купить больше. **Доход со
# следующего рубля** задаёт вопрос самого бюджета: что принесёт сверх себя ещё один рубль,
# потраченный на источник? Следующий рубль покупает *следующего* клиента, а он по рекламным
# расходам и оплате размещений обходится дороже среднего (самые дешёвые клики и места покупают
# первыми), тогда как комиссия одна и та же с каждой продажи. Ноутбук 16 принимает, что затраты на
# следующего клиента вдвое выше сегодняшних средних (`CASE.cac_multiplier`); `acquisition_table`
# считает по этой цене, и его `profit_per_rouble` — это LTV / CAC − 1 при таком CAC.

# %%
cost_table = source_costs(base)
gross = today["gross_ltv"].set_axis([partner or channel for channel, partner in today.index])
marginal = acquisition_table(gross, cost_table, cac_multiplier=CASE.cac_multiplier)
average_cac = cost_table["cac"].reindex(gross.index)
ratio, net_ltv, next_return = "LTV:CAC", tr("net LTV, RUB"), tr("return on the next rouble")
next_cac = tr("next customer's CAC (x{multiplier}), RUB", multiplier=format_number(CASE.cac_multiplier))
rules = pd.DataFrame({
    ratio: gross / average_cac,
    net_ltv: gross - average_cac,
    next_cac: marginal["cac"],
    next_return: marginal["profit_per_rouble"],
})
ranked_by = {column: tr("ranked by {rule}", rule=column) for column in (ratio, net_ltv, next_return)}
width = max(len(label) for label in ranked_by.values()) + 1
for column, label in ranked_by.items():
    print(label.ljust(width), ", ".join(rules[column].sort_values(ascending=False).index))
rules.round({ratio: 2, net_ltv: 0, next_cac: 0, next_return: 2})

# %% [markdown] key="10-the-three-rankings-disagree"
# Три рейтинга расходятся. По чистому LTV на клиента первым идёт блогер о программировании, а
# последним — купонный сайт: его клиент стоит пятую часть клиента блогера. По доходу со следующего
# рубля первым оказывается органический поиск (контент дёшев в пересчёте на клиента), оба платных
# канала опускаются вниз (их следующий клиент самый дорогой), а купонный сайт и кешбэк-сервис
# поднимаются выше блогера: им платят за продажу, поэтому следующий клиент стоит столько же,
# сколько предыдущий. Чистый LTV на клиента — верный рейтинг, только когда в дефиците клиенты, а
# не деньги (небольшая аудитория партнёра). Если нужно разместить бюджет, вкладывайте следующий
# рубль туда, где он принесёт больше всего, — так ноутбук 16 распределяет весь бюджет.
#
# Но действительно ли купонный сайт — такое хорошее место для рубля?

# %% [markdown] key="10-customers-who-would-have"
# ## Клиенты, которые пришли бы и так
#
# Купонный или кешбэк-сайт платит людям в момент покупки. Многие его посетители уже выбрали курс и
# пошли искать промокод; они купили бы и так, по полной цене, через поиск или сайт школы.
# Атрибуция засчитывает партнёру их всех, и за каждого, кто пришёл бы и без него, школа заплатила
# дважды впустую: комиссию и скидку по промокоду. В выгрузке — то, что клиенты заплатили после
# скидки; сама скидка указана в таблице затрат (`discount_pct`), и `promo_discount` переводит её в
# рубли: если первую покупку оплатили по 75 % от цены прайса, скидка составила треть уплаченного.

# %%
sheet = costs.set_index(costs["partner"].where(costs["partner"] != "", costs["channel"]))
first_sale = (base.sources["first_sales"] / base.sources["customers"]).set_axis(gross.index)
promo = promo_discount(first_sale, sheet.loc[gross.index, "discount_pct"])
pd.DataFrame({tr("first sale per customer, RUB"): first_sale, tr("promo code, %"): sheet.loc[gross.index, "discount_pct"],
              tr("discount given per customer, RUB"): promo}).round(0)

# %% [markdown] key="10-how-many-of-a"
# Сколько клиентов партнёра пришли бы и так? Выгрузка этого не скажет: клиент, которому нужен был
# купон, и клиент, который купил бы без него, выглядят в ней одинаково. Сказать может только тест:
# в течение года случайная половина аудитории партнёра не видит ни ссылки, ни промокода (партнёр
# показывает предложение только другой половине), а школа считает, кто всё равно купит.
# Покупатели на единицу аудитории в контрольной половине, делённые на покупателей в половине,
# видевшей предложение, — это доля тех, кто пришёл бы и так (`holdout_incremental_share`). Ни одна
# настоящая школа не знает ответа заранее; наша знает: симуляция для каждого клиента разыгрывает,
# купил бы он без своего источника или нет (истинные доли партнёров — в `data/README.md`; три канала
# для простоты считаются полностью инкрементальными). `school_incrementality` проводит тест для
# каждого партнёра на клиентах 2024 года и ставит рядом истину.

# %%
tests = school_incrementality(year=2024)
tests.round(3)

# %% [markdown] key="10-the-test-finds-what"
# Тест находит то, что говорит истина, в пределах своего интервала: блогер, Telegram-канал и
# HR-партнёр приводят клиентов, которые иначе бы не пришли (86–99 %), агрегатор — примерно трёх из
# четырёх, кешбэк-сервис — меньше половины, а купонный сайт — примерно одного из пяти (интервал
# широкий, примерно от 0 % до 42 %: 218 клиентов — это немного). Теперь посчитаем только тех
# клиентов, которых добавляет каждый источник, и промокоды, отданные остальным, по цене следующего
# клиента (`incremental_table`):

# %%
share = pd.Series(1.0, index=gross.index)
share.update(tests["estimate"])
incremental = incremental_table(gross, cost_table, incremental_share=share, promo=promo,
                                cac_multiplier=CASE.cac_multiplier)
incremental[["incremental_share", "attributed_profit_per_rouble", "incremental_cac", "incremental_profit_per_rouble",
             "break_even_share"]].round(2).round({"incremental_cac": 0}).rename(columns={
    "incremental_share": tr("share added"), "attributed_profit_per_rouble": tr("return, all credited"),
    "incremental_cac": tr("cost per added customer, RUB"), "incremental_profit_per_rouble": tr("return, added only"),
    "break_even_share": tr("break-even share")})

# %% [markdown] key="10-which-rule-catches-it"
# При таком счёте купонный сайт теряет деньги на каждом рубле: клиент, который без него не пришёл
# бы, стоит больше десяти тысяч рублей, а чтобы выйти в ноль, своими для него должны быть больше
# трети его клиентов. Кешбэк-сервис зарабатывает десятую часть того, что показывает атрибуция.
# Партнёры с лояльной аудиторией сохраняют бо́льшую часть дохода. (Деньги — на клиента, в рублях;
# доход 0,46 значит 46 копеек сверх каждого вложенного рубля.)
#
# ### Какое правило это замечает
#
# Симуляция точно знает, что каждый источник добавил за два года: валовую прибыль клиентов, которые
# без него не пришли бы, за вычетом того, во что он обошёлся, и скидок, отданных тем, кто заплатил
# бы полную цену (`true_incremental_profit`). Сравним с ней четыре правила для купонного сайта:

# %%
truth = true_incremental_profit(margin)
coupon = "kupony_dnya"
returns = [rules.loc[coupon, next_return], incremental.loc[coupon, "incremental_profit_per_rouble"],
           truth.loc[coupon, "profit_per_rouble"]]
verdicts = pd.DataFrame({
    tr("figure"): [format_ratio(rules.loc[coupon, ratio]), format_money(rules.loc[coupon, net_ltv], "RUB", decimals=0)]
    + [("+" if value >= 0 else "") + format_number(value, 2) for value in returns],
    tr("the rule says"): [tr("keep") if rules.loc[coupon, ratio] >= 2 else tr("cut"),
                          tr("keep") if rules.loc[coupon, net_ltv] > 0 else tr("cut"),
                          tr("grow") if returns[0] > 0 else tr("cut"),
                          tr("grow") if returns[1] > 0 else tr("cut"),
                          tr("it earned") if returns[2] > 0 else tr("it lost money")],
}, index=[tr("LTV:CAC at least 2:1"), tr("net LTV per customer > 0"), tr("return on the next rouble > 0"),
          tr("incremental return on the next rouble > 0"), tr("truth: profit per rouble over two years")])
verdicts

# %% [markdown] key="10-only-the-rule-that"
# Купонный сайт ловит только правило, которое считает добавленных источником клиентов; три
# остальных обмануты покупателями, которых ему засчитали. На самом деле истина даже хуже оценки
# (тест дал долю около 23 %, а среди этих клиентов истинная — 14 %). Интервал теста всё же заходит
# выше доли безубыточности, поэтому осторожная школа провела бы тест ещё год или сначала изменила
# условия: платить купонному сайту только за новых для школы клиентов и не давать промокод тем, у
# кого уже есть аккаунт. Такая же проверка нужна любому источнику, прежде чем увеличивать его
# бюджет: ноутбук 16 ранжирует весь бюджет по доходу со следующего рубля, и его первая оговорка —
# этот раздел.

# %% [markdown] key="10-commission-on-the-first"
# ## Комиссия только с первой продажи или ещё и доля повторных?
#
# Первая статья предлагает платить партнёрам и за последующие покупки. Во что это обойдётся?
# Сравним сегодняшние условия (у каждого партнёра своя доля первой продажи) со схемой, которая
# платит каждому партнёру 10 % первой продажи и 10 % повторных продаж за первые 12 месяцев клиента.

# %%
design = partner_economics(base, margin=margin, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=12)
compare = affiliates[["net_ltv"]].rename(columns={"net_ltv": tr("net LTV today, RUB")})
compare[tr("net LTV, 10% + 10% of repeats, RUB")] = design.loc[affiliates.index, "net_ltv"]
compare[tr("change, RUB")] = compare.iloc[:, 1] - compare.iloc[:, 0]
compare.index = compare.index.get_level_values("partner")
compare.round(0)

# %% [markdown] key="10-two-things-move-at"
# Меняются сразу две вещи. Кешбэк-сервис и агрегатор получают 10 % первой продажи вместо 20–25 %, а
# их клиенты реже возвращаются, поэтому школе с клиента остаётся больше. Блогер, Telegram-канал и
# HR-партнёр теперь зарабатывают на повторных покупках своих клиентов, поэтому школе с каждого из
# них остаётся меньше — и больше всего она платит именно тем партнёрам, чьи клиенты остаются
# надолго. Это тот стимул, о котором говорит первая статья, и он следует совету второй вкладывать
# деньги туда, откуда приходят клиенты с высоким CLTV. Окупится ли он, зависит от того, станут ли
# партнёры в ответ присылать больше таких клиентов; данные позволяют лишь оценить цену предложения,
# но не предсказать реакцию.

# %%
paid_today = float(((affiliates["first_sale_commission"] + affiliates["repeat_commission"])
                    * affiliates["customers"]).sum())
design_affiliates = design.loc[affiliates.index]
paid_design = float(((design_affiliates["first_sale_commission"] + design_affiliates["repeat_commission"])
                     * design_affiliates["customers"]).sum())
print(tr("commissions over two years: today {today}, with 10% + 10% of repeats {design}",
         today=format_money(paid_today, "RUB", decimals=0), design=format_money(paid_design, "RUB", decimals=0)))

# %% [markdown] key="10-try-it"
# ## Попробуйте сами
#
# Задайте комиссию с первой продажи, долю повторных продаж и сколько месяцев они оплачиваются, а
# также маржу: подпись покажет, сколько всего получат партнёры за два года (₽), и лучший и худший
# чистый LTV на клиента; график показывает каждого партнёра. Маржа выше 100 % не принимается.
# Следующая ячейка печатает результат при начальных значениях (15 % первой продажи, 5 % повторных
# продаж в течение 12 месяцев, маржа 60 %).

# %%
calculator = commission_calculator(base)
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="10-exercises"
# ## Упражнения
#
# **ex-10-1.** В схеме «10 % + 10 % повторных» агрегатор курсов (`kursy_agregator`) получает 10 %
# первой продажи вместо сегодняшних 25 %. Каким тогда будет его LTV:CAC при марже 60 %? Ответьте
# числом (7.2 для 7,2:1). (В ex-10-3 спрашивается, почему его отношение меняется намного сильнее,
# чем чистый LTV.)

# %%
answer = None
check("ex-10-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = float(design.xs("kursy_agregator", level="partner")["ltv_to_cac"].iloc[0])
check("ex-10-1", answer)

# %% [markdown] key="10-ex-10-2"
# **ex-10-2.** Оставьте 10 % первой продажи и 10 % повторных продаж, но платите за повторные продажи
# 24 месяца вместо 12. Какой чистый LTV на клиента оставит школе Telegram-канал (`tg_data_digest`)
# при марже 60 %, в рублях?

# %%
answer = None
check("ex-10-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
longer = partner_economics(base, margin=0.6, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=24)
answer = float(longer.xs("tg_data_digest", level="partner")["net_ltv"].iloc[0])
check("ex-10-2", answer)

# %% [markdown] key="10-ex-10-3"
# **ex-10-3.** Почему в ex-10-1 LTV:CAC агрегатора меняется намного сильнее, чем его чистый LTV на
# клиента?

# %%
print(options("ex-10-3"))
answer = None  # буква, например "a"
check("ex-10-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "c"  # в CAC входит только комиссия с первой продажи; комиссии с повторных вычитаются из чистого LTV
check("ex-10-3", answer)

# %% [markdown] key="10-ex-10-4"
# **ex-10-4.** Допустим, купонный сайт отказался от промокода, но сохранил комиссию, и та же доля
# его клиентов (оценка теста) по-прежнему приходит благодаря ему. Что тогда принесёт следующий
# потраченный на него рубль, если считать только добавленных им клиентов (по CAC следующего
# клиента, как в таблице выше)? Ответьте числом (0.5 — это 50 копеек сверх каждого рубля).

# %%
answer = None
check("ex-10-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
no_code = incremental_table(gross, cost_table, incremental_share=share, promo=promo.where(promo.index != coupon, 0.0),
                            cac_multiplier=CASE.cac_multiplier)
answer = no_code.loc[coupon, "incremental_profit_per_rouble"]
check("ex-10-4", answer)

# %% [markdown] key="10-ex-10-5"
# **ex-10-5.** Какая цифра говорит о том, что клиенты купонного сайта в основном купили бы и так?

# %%
print(options("ex-10-5"))
answer = None  # буква, например "a"
check("ex-10-5", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # только клиенты, скрытые от партнёра, показывают, что происходит без него
check("ex-10-5", answer)

# %% [markdown] key="10-summary"
# ## Итоги
#
# | по источнику (канал, партнёр) | формула | ltvkit |
# |---|---|---|
# | атрибуция | источник первой покупки клиента | `customer_sources(orders)` |
# | CAC | (фиксированные затраты + комиссии с первых продаж) / клиенты | `partner_economics(...)["cac"]` |
# | валовой LTV | выручка на клиента × маржа | `["gross_ltv"]` |
# | LTV:CAC | валовой LTV / CAC (по статье не ниже 2:1; для рейтинга не годится) | `["ltv_to_cac"]` |
# | чистый LTV | валовой LTV − CAC − комиссии с повторных продаж | `["net_ltv"]` |
# | доход со следующего рубля | LTV / (затраты на клиента × множитель + комиссия) − 1 | `acquisition_table(ltv, source_costs(base), cac_multiplier=...)` |
# | отданное по промокоду | первая продажа × d / (1 − d) | `promo_discount(first_sale, discount_pct)` |
# | инкрементальная доля | 1 − (покупатели в контроле / h) / (покупатели, видевшие предложение / (1 − h)) | `holdout_incremental_share(exposed, held_out)` |
# | инкрементальный доход | s × LTV / (CAC + (1 − s) × промокод) − 1; безубыточность при s = (CAC + промокод) / (LTV + промокод) | `incremental_table(ltv, costs, incremental_share=..., promo=...)` |
#
# Деньги покупают клиентов, поэтому ранжируйте источники по тому, что приносит следующий рубль, а
# не по тому, что оставляет один клиент, и считайте только тех клиентов, которых источник
# добавляет: купонный или кешбэк-партнёр может выглядеть дешёвым и при этом приносить убыток.
# Измерьте инкрементальную долю тестом с контрольной группой, прежде чем наращивать или урезать
# партнёра, и посчитайте цену любой комиссии с повторных продаж через `partner_economics(base,
# repeat_rate=..., repeat_months=...)`, прежде чем её предлагать. Дальше: ноутбук 11 выясняет, какие
# метрики вовлечённости заранее указывают на ценного клиента.

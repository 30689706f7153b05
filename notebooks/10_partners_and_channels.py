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
# # 10 · Partners and channels: LTV, CAC and what a commission design does
#
# After this notebook you can split LTV and acquisition cost by channel and partner, judge each
# partner by what the next rouble spent there returns in customers it really adds, and price a
# commission on repeat sales before you offer one.
#
# **You will learn**
# - to attribute each customer to the channel and partner of their first purchase;
# - LTV, CAC and LTV:CAC per source, and which sources bring customers who buy again;
# - why LTV:CAC, net LTV per customer and the return on the next rouble rank sources differently,
#   and which of them a budget needs;
# - why coupon and cashback partners are credited with buyers who would have come anyway, what
#   their promo codes cost, and how a holdout test measures it;
# - what paying partners on repeat sales costs and what it leaves the school per customer.
#
# **You need**: notebook 09 (the school's export and `customer_summary`), notebooks 02 and 06 (gross
# LTV, LTV net of CAC, the LTV:CAC ratio).

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
# ## Two articles, one question
#
# “Увеличение LTV партнеров: проверенные стратегии” (Raising partners' LTV: proven strategies)
# tells the advertiser to find out which partners bring the customers worth most, to keep LTV at two
# times CAC or more, and to think about rewarding partners for a customer's repeat purchases too.
# “联盟营销中客户终身价值的衡量与提升” (Measuring and raising CLTV in affiliate marketing) argues from the
# advertiser's side as well: put the affiliate budget where the high-CLTV customers come from, and
# for a sharper CLTV take the cost of goods and of acquisition into account. Neither article shows
# the numbers. The school's data let us compute them.
#
# We read the export as in notebook 09 and the marketing team's cost sheet: what each channel cost
# over the two years (ad budgets, content, partners' fixed fees), the commission each partner
# gets today (a share of the first sale only) and the discount of the partner's promo code on a
# customer's first order (`discount_pct`).

# %%
orders = read_orders("../data/school_orders.csv", customer="ID клиента", date="Дата оплаты", amount="Сумма, руб.",
                     partner="Партнёр", channel="Канал", extra={"Номер заказа": "order"}, on_bad_rows="skip")
costs = school_costs()  # read_partner_costs("../data/school_partners.csv"), the kind of source in your language
print(tr("{rows} order rows; {customers} customers", rows=format_number(len(orders)),
         customers=format_number(orders["customer"].nunique())))
costs

# %% [markdown] key="10-ltv-cac-and-ltv"
# ## LTV, CAC and LTV:CAC per source
#
# Each customer belongs to the source of their first purchase. For each source:
# CAC = (fixed spend + first-sale commissions) / customers; gross LTV = revenue per customer ×
# margin (60%, as in notebook 09); LTV:CAC = gross LTV / CAC; net LTV = gross LTV − CAC − any
# commission on repeat sales. A refund counts against the sale it reverses, so a refunded first
# sale earns the partner nothing.

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
# Money in the table is per customer of the source, in RUB, over the two years of data; LTV:CAC is
# gross LTV over CAC, "4.74" meaning 4.74:1. The revenue of every source adds up to the school's
# revenue, so no sale is lost in attribution.

# %%
attributed = (base.sources["revenue"]).sum()
assert abs(attributed - orders["amount"].sum()) < 0.01
print(tr("attributed revenue {amount} = the export's total", amount=format_money(attributed, "RUB")))
grouped_bar_chart(list(table.index), {tr("gross LTV"): table["gross_ltv"].tolist(), "CAC": table["cac"].tolist()},
                  currency="RUB", title=tr("Gross LTV and CAC per customer, by source (margin 60%)"))

# %% [markdown] key="10-which-partners-bring-customers"
# ## Which partners bring customers who buy again
#
# The share of customers who bought a second time differs almost threefold between partners. The coupon
# site and the cashback service bring many customers, with a discount, who mostly buy one cheap
# course; the blogger, the Telegram channel and the HR partner bring fewer people who come back.

# %%
affiliates = today[today.index.get_level_values("partner") != ""]
for (_channel, partner), row in affiliates.sort_values("repeat_buyers", ascending=False).iterrows():
    print(tr_n("{partner} {kind} {customers} customer, {share} bought again, revenue per customer {revenue}",
               "{partner} {kind} {customers} customers, {share} bought again, revenue per customer {revenue}",
               row["customers"], partner=partner.ljust(16), kind=row["kind"].ljust(26),
               customers=format_number(row["customers"]).rjust(4), share=format_share(row["repeat_buyers"]),
               revenue=format_money(row["revenue"], "RUB", decimals=0)))

# %% [markdown] key="10-a-critical-look-three"
# ### A critical look: three rules, three rankings
#
# The first article's rule of thumb is LTV:CAC of at least 2:1. Every source passes it, so the rule
# does not choose between them. Two other rules are common. **Net LTV per customer** (gross LTV − CAC)
# says what one customer leaves, but a budget buys customers, not a customer: where customers are
# cheap, the same money buys more of them. **The return on the next rouble** asks the budget's own
# question: what does one more rouble spent on a source bring back beyond itself? The next rouble
# buys the *next* customer, and that one costs more than the average on ad spend and placement fees
# (the cheapest clicks and slots are bought first), while a commission is the same on every sale.
# Notebook 16 assumes the next customer's spend is twice today's average (`CASE.cac_multiplier`);
# `acquisition_table` prices it, and its `profit_per_rouble` is LTV / CAC − 1 at that CAC.

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
# The three rankings disagree. By net LTV per customer the programming blogger comes first and the
# coupon site last, a fifth of a blogger's customer. By the return on the next rouble organic search
# comes first (its content is cheap per customer), the two paid channels fall to the bottom (their
# next customer is the dearest), and the coupon site and the cashback service climb above the
# blogger: they are paid per sale, so their next customer costs what the last one did. Net LTV per
# customer is the right ranking only when customers, not money, are what is scarce (a partner's
# small audience). With a budget to place, put the next rouble where it returns most, as notebook 16
# does for the whole budget.
#
# But is the coupon site really that good a place for a rouble?

# %% [markdown] key="10-customers-who-would-have"
# ## Customers who would have come anyway
#
# A coupon or a cashback site pays people at the moment they buy. Many of its visitors had already
# chosen the course and went looking for a code; they would have bought anyway, at the full price,
# through search or the school's own site. Attribution credits the partner with all of them, and for
# each one who would have come anyway the school paid twice for nothing: the commission, and the
# promo code's discount. The export holds what customers paid, after the discount; the discount
# itself is in the cost sheet (`discount_pct`), and `promo_discount` turns it into roubles: a first
# sale paid at 75% of the list price gave away a third of what was paid.

# %%
sheet = costs.set_index(costs["partner"].where(costs["partner"] != "", costs["channel"]))
first_sale = (base.sources["first_sales"] / base.sources["customers"]).set_axis(gross.index)
promo = promo_discount(first_sale, sheet.loc[gross.index, "discount_pct"])
pd.DataFrame({tr("first sale per customer, RUB"): first_sale, tr("promo code, %"): sheet.loc[gross.index, "discount_pct"],
              tr("discount given per customer, RUB"): promo}).round(0)

# %% [markdown] key="10-how-many-of-a"
# How many of a partner's customers would have come anyway? The export cannot say: a customer who
# needed the coupon and one who would have bought without it look the same in it. Only a test can:
# for a year, a random half of the partner's audience sees no link and no promo code (the partner
# shows the offer to the other half only), and the school counts who buys anyway. Buyers per unit
# of audience in the held-out half, over those in the exposed half, are the share who would have come
# anyway (`holdout_incremental_share`). No real school knows the answer in advance; ours does: the
# simulation draws, for each customer, whether they would have bought without their source (the
# partners' true shares are in `data/README.md`; the three channels are fully incremental, a
# simplification). `school_incrementality` runs the test for every affiliate on 2024's customers and
# puts the truth next to it.

# %%
tests = school_incrementality(year=2024)
tests.round(3)

# %% [markdown] key="10-the-test-finds-what"
# The test finds what the truth says, within its interval: the blogger, the Telegram channel and the
# HR partner bring customers who would not have come otherwise (86-99%), the aggregator about three in
# four, the cashback service fewer than half and the coupon site about one in five (the interval is
# wide, from about 0% to 42%: 218 customers are not many). Now count only the customers each source
# adds, and the promo codes given to the others, at the next customer's CAC (`incremental_table`):

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
# Counted this way, the coupon site loses money on every rouble: a customer who would not have
# come without it costs more than ten thousand roubles, and it would need more than a third of its
# customers to be its own to break even. The cashback service earns a tenth of what attribution
# says. The partners with loyal audiences keep most of their return. (Money is per customer, in RUB;
# a return of 0.46 means 46 kopecks back beyond each rouble.)
#
# ### Which rule catches it
#
# The simulation knows exactly what each source added over the two years: the gross profit of the
# customers who would not have come without it, less what it cost and the discounts given to those
# who would have paid in full (`true_incremental_profit`). Set the four rules against it for the
# coupon site:

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
# Only the rule that counts the customers a source adds catches the coupon site; the three others
# are fooled by buyers it was credited with. The truth is in fact worse than the estimate (the test
# put the share at about 23%, the truth among these customers is 14%). The test's interval still
# reaches above the break-even share, so a careful school would run it a second year, or change the
# terms first: pay the coupon site only for customers new to the school, and stop the promo code
# for people who already have an account. The same check belongs on every source before its budget
# grows: notebook 16 ranks the whole budget by the return on the next rouble, and its caveat 1 is
# this section.

# %% [markdown] key="10-commission-on-the-first"
# ## Commission on the first sale only, or a share of repeat sales too?
#
# The first article suggests paying partners on later purchases as well. What does that cost?
# Compare today's terms (each partner's own share of the first sale) with a design that pays every
# affiliate 10% of the first sale and 10% of repeat sales in the customer's first 12 months.

# %%
design = partner_economics(base, margin=margin, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=12)
compare = affiliates[["net_ltv"]].rename(columns={"net_ltv": tr("net LTV today, RUB")})
compare[tr("net LTV, 10% + 10% of repeats, RUB")] = design.loc[affiliates.index, "net_ltv"]
compare[tr("change, RUB")] = compare.iloc[:, 1] - compare.iloc[:, 0]
compare.index = compare.index.get_level_values("partner")
compare.round(0)

# %% [markdown] key="10-two-things-move-at"
# Two things move at once. The cashback service and the aggregator get 10% of the first sale instead
# of 20-25%, and fewer of their customers come back, so the school keeps more per customer. The
# blogger, the Telegram channel and the HR partner now earn on their customers' repeat purchases, so
# the school keeps less from each of them — and pays most to exactly the partners whose customers
# last. That is the incentive the first article asks for, and it follows the second's advice to put
# money where the high-CLTV customers come from. Whether it pays depends on whether partners respond
# by sending more such customers; the data can only price the offer, not predict the response.

# %%
paid_today = float(((affiliates["first_sale_commission"] + affiliates["repeat_commission"])
                    * affiliates["customers"]).sum())
design_affiliates = design.loc[affiliates.index]
paid_design = float(((design_affiliates["first_sale_commission"] + design_affiliates["repeat_commission"])
                     * design_affiliates["customers"]).sum())
print(tr("commissions over two years: today {today}, with 10% + 10% of repeats {design}",
         today=format_money(paid_today, "RUB", decimals=0), design=format_money(paid_design, "RUB", decimals=0)))

# %% [markdown] key="10-try-it"
# ## Try it
#
# Set the first-sale commission, the share of repeat sales and for how many months repeat sales
# count, and the margin: the label gives what affiliates are paid in total over the two years (RUB)
# and the best and worst net LTV per customer; the chart shows each affiliate. A margin above 100% is
# refused. The next cell prints the result at the starting values (15% of the first sale, 5% of
# repeat sales for 12 months, margin 60%).

# %%
calculator = commission_calculator(base)
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="10-exercises"
# ## Exercises
#
# **ex-10-1.** Under the 10% + 10%-of-repeats design, the course aggregator (`kursy_agregator`) is
# paid 10% of the first sale instead of today's 25%. What is its LTV:CAC then, at a 60% margin? Answer
# as a number (7.2 for 7.2:1). (ex-10-3 asks why its ratio moves so much more than its net LTV.)

# %%
answer = None
check("ex-10-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = float(design.xs("kursy_agregator", level="partner")["ltv_to_cac"].iloc[0])
check("ex-10-1", answer)

# %% [markdown] key="10-ex-10-2"
# **ex-10-2.** Keep 10% of the first sale and 10% of repeat sales, but pay on repeat sales for 24
# months instead of 12. At a 60% margin, what net LTV per customer does the Telegram channel
# (`tg_data_digest`) leave the school, in RUB?

# %%
answer = None
check("ex-10-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
longer = partner_economics(base, margin=0.6, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=24)
answer = float(longer.xs("tg_data_digest", level="partner")["net_ltv"].iloc[0])
check("ex-10-2", answer)

# %% [markdown] key="10-ex-10-3"
# **ex-10-3.** In ex-10-1, why does the aggregator's LTV:CAC move so much more than its net LTV per
# customer?

# %%
print(options("ex-10-3"))
answer = None  # a letter, such as "a"
check("ex-10-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "c"  # CAC holds the first-sale commission only; the repeat commissions come out of net LTV
check("ex-10-3", answer)

# %% [markdown] key="10-ex-10-4"
# **ex-10-4.** Suppose the coupon site dropped its promo code and kept its commission, and the same
# share of its customers (the test's estimate) still came because of it. What would the next rouble
# spent there return, counting only the customers it adds (at the next customer's CAC, as in the
# table above)? Answer as a number (0.5 for 50 kopecks back beyond each rouble).

# %%
answer = None
check("ex-10-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
no_code = incremental_table(gross, cost_table, incremental_share=share, promo=promo.where(promo.index != coupon, 0.0),
                            cac_multiplier=CASE.cac_multiplier)
answer = no_code.loc[coupon, "incremental_profit_per_rouble"]
check("ex-10-4", answer)

# %% [markdown] key="10-ex-10-5"
# **ex-10-5.** Which figure tells you that the coupon site's customers would mostly have bought anyway?

# %%
print(options("ex-10-5"))
answer = None  # a letter, such as "a"
check("ex-10-5", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # only the customers held out from the partner show what happens without it
check("ex-10-5", answer)

# %% [markdown] key="10-summary"
# ## Summary
#
# | per source (channel, partner) | formula | ltvkit |
# |---|---|---|
# | attribution | the source of the customer's first purchase | `customer_sources(orders)` |
# | CAC | (fixed spend + first-sale commissions) / customers | `partner_economics(...)["cac"]` |
# | gross LTV | revenue per customer × margin | `["gross_ltv"]` |
# | LTV:CAC | gross LTV / CAC (at least 2:1, says the article; it does not rank) | `["ltv_to_cac"]` |
# | net LTV | gross LTV − CAC − repeat commissions | `["net_ltv"]` |
# | return on the next rouble | LTV / (spend per customer × multiplier + commission) − 1 | `acquisition_table(ltv, source_costs(base), cac_multiplier=...)` |
# | promo code given away | first sale × d / (1 − d) | `promo_discount(first_sale, discount_pct)` |
# | incremental share | 1 − (held-out buyers / h) / (exposed buyers / (1 − h)) | `holdout_incremental_share(exposed, held_out)` |
# | incremental return | s × LTV / (CAC + (1 − s) × promo) − 1; breaks even at s = (CAC + promo) / (LTV + promo) | `incremental_table(ltv, costs, incremental_share=..., promo=...)` |
#
# Money buys customers, so rank sources by what the next rouble returns, not by what one customer
# leaves, and count only the customers a source adds: a coupon or cashback partner can look cheap
# and be a loss. Measure the incremental share with a holdout before growing or cutting a partner,
# and price any commission on repeat sales with `partner_economics(base, repeat_rate=...,
# repeat_months=...)` before offering it. Next: notebook 11 asks which engagement metrics tell a
# valuable customer early.

"""Hong Kong Traditional (zh-hk) writes dates and numbers as Django's zh_Hant does: 2024年1月5日."""

from django.conf.locale.zh_Hant.formats import *  # noqa: F403

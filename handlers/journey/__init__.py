"""The ten-step recovery journey: step content as data (`steps`), a pure engine (`engine`),
storage glue (`service`) and the Telegram handlers (`telegram_glue`)."""

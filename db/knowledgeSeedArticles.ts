import type { KnowledgeArticleContent } from '../domain/knowledge';

/**
 * The local stack's knowledge base: the questions customers ask most, in both languages. Editing
 * an article here publishes a new version on the next start (db/seedKnowledge.ts). The return
 * windows are the standard return policy's (workflows/returns/policy.ts).
 */
export const seedArticles: readonly KnowledgeArticleContent[] = [
  {
    id: 'phone-not-charging',
    category: 'phone',
    skus: ['PHONE-X', 'PHONE-LITE'],
    translations: [
      {
        locale: 'en',
        title: "Phone won't charge",
        body: 'If your phone does not charge, charges slowly or stops charging halfway: try another cable and adapter, clean lint out of the charging port with a wooden toothpick, and restart the phone. If it still shows no charging icon after 30 minutes on a wall socket, ask for a repair.',
      },
      {
        locale: 'zh-CN',
        title: '手机无法充电',
        body: '手机充不进电、充电很慢或充到一半停止时：请更换充电线和充电头再试，用木牙签清理充电口里的灰尘，然后重启手机。插在墙上插座 30 分钟后仍不显示充电图标，请申请维修。',
      },
    ],
  },
  {
    id: 'phone-restart-reset',
    category: 'phone',
    skus: ['PHONE-X', 'PHONE-LITE'],
    translations: [
      {
        locale: 'en',
        title: 'Phone freezes or restarts by itself',
        body: 'Hold the power and volume-down buttons for 10 seconds to force a restart, install the latest system update, then reset network settings. If the phone keeps restarting, back up your data before asking for a repair.',
      },
      {
        locale: 'zh-CN',
        title: '手机卡死或自动重启',
        body: '同时按住电源键和音量减键 10 秒强制重启，安装最新系统更新，然后还原网络设置。如果手机仍然反复重启，请先备份数据再申请维修。',
      },
    ],
  },
  {
    id: 'tv-no-picture',
    category: 'tv',
    skus: ['TV-43', 'TV-55', 'TV-65'],
    translations: [
      {
        locale: 'en',
        title: 'TV has sound but no picture',
        body: 'A black screen with sound is usually the input or the backlight. Press Input on the remote and choose the HDMI port your device is plugged into, unplug the TV for one minute, and update the firmware from Settings > Support. If the screen stays black when a torch shines on it, ask for a repair.',
      },
      {
        locale: 'zh-CN',
        title: '电视有声音没有画面',
        body: '电视黑屏但有声音，多半是信号源或背光的问题。按遥控器上的信号源键，选择设备所接的 HDMI 接口；拔掉电源一分钟后再开机；在 设置 > 支持 中升级固件。用手电筒照屏幕仍看不到图像，请申请维修。',
      },
    ],
  },
  {
    id: 'laptop-wont-turn-on',
    category: 'laptop',
    skus: ['LAPTOP-14', 'LAPTOP-15'],
    translations: [
      {
        locale: 'en',
        title: "Laptop won't turn on",
        body: 'Connect the original charger and check that its light is on, hold the power button for 30 seconds, then press it once. If the fans spin but the screen stays dark, run the built-in hardware diagnostics (hold D while starting).',
      },
      {
        locale: 'zh-CN',
        title: '笔记本电脑无法开机',
        body: '接上原装充电器并确认指示灯亮起，长按电源键 30 秒后再按一次。风扇转动但屏幕不亮时，请运行内置硬件诊断（开机时按住 D 键）。',
      },
    ],
  },
  {
    id: 'headphones-pairing',
    category: 'headphones',
    skus: ['BUDS-1', 'BUDS-2', 'HEADSET-PRO'],
    translations: [
      {
        locale: 'en',
        title: 'Earbuds or headphones will not connect over Bluetooth',
        body: 'Forget the headphones in your Bluetooth settings, put the earbuds in the case and hold its button for 15 seconds until the light flashes white, then pair them again. Only one earbud playing? Clean the charging contacts and reset them the same way.',
      },
      {
        locale: 'zh-CN',
        title: '耳机蓝牙连接不上',
        body: '在手机蓝牙设置中忽略此耳机，把耳机放回充电盒，长按充电盒按钮 15 秒直到指示灯白色闪烁，再重新配对。只有一只耳机有声音时，请清洁充电触点并用同样方法重置。',
      },
    ],
  },
  {
    id: 'fridge-not-cooling',
    category: 'large_appliance',
    skus: ['FRIDGE-9'],
    translations: [
      {
        locale: 'en',
        title: 'Fridge is not cooling',
        body: 'A new fridge needs 24 hours to reach temperature. Check the thermostat is at 4 °C, leave 10 cm of space behind the fridge and make sure the door seals close. If it is still warm after a day, a technician visits: ask for a repair.',
      },
      {
        locale: 'zh-CN',
        title: '冰箱不制冷',
        body: '新冰箱通电后需要 24 小时才能降到设定温度。请确认温控设为 4 °C，冰箱背后留出 10 厘米空间，并检查门封是否关严。一天后仍不制冷，我们会安排师傅上门，请申请维修。',
      },
    ],
  },
  {
    id: 'vacuum-weak-suction',
    category: 'small_appliance',
    skus: ['VACUUM-5'],
    translations: [
      {
        locale: 'en',
        title: 'Vacuum cleaner has weak suction',
        body: 'Empty the dust bin, rinse the filter and let it dry for 24 hours, and check the hose and brush for blockages. Suction that stays weak with a clean filter points to the motor: ask for a repair.',
      },
      {
        locale: 'zh-CN',
        title: '吸尘器吸力变小',
        body: '倒空集尘盒，用清水冲洗滤网并晾干 24 小时，检查软管和滚刷是否堵塞。滤网干净后吸力仍然很弱，可能是电机问题，请申请维修。',
      },
    ],
  },
  {
    id: 'return-window',
    category: 'returns_policy',
    skus: [],
    translations: [
      {
        locale: 'en',
        title: 'How long do I have to return an item?',
        body: 'You can return an item within 7 days of delivery; loyal customers have 14 days and our most valued customers 30 days. Open the return in the app or on the website with your order number; the item should be unused and in its packaging. Faulty items are covered by the warranty instead.',
      },
      {
        locale: 'zh-CN',
        title: '退货期限是多久？',
        body: '签收后 7 天内可以申请退货；老顾客 14 天，重要客户 30 天。请在 App 或网站上用订单号申请退货，商品需未使用并保留包装。商品有质量问题请走保修。',
      },
    ],
  },
  {
    id: 'refund-timing',
    category: 'billing',
    skus: [],
    translations: [
      {
        locale: 'en',
        title: 'When will I get my refund?',
        body: 'We refund as soon as the warehouse has checked your return, usually within 2 business days of its arrival. Card refunds then take 3 to 5 business days to show on your statement; Alipay and WeChat Pay refunds arrive within 1 business day. You get a message when the refund is issued.',
      },
      {
        locale: 'zh-CN',
        title: '退款多久到账？',
        body: '仓库验收退货后立即退款，通常在收到退货后 2 个工作日内。银行卡退款之后需要 3 到 5 个工作日到账；支付宝和微信支付 1 个工作日内到账。退款发出时我们会通知您。',
      },
    ],
  },
  {
    id: 'double-charge',
    category: 'billing',
    skus: [],
    translations: [
      {
        locale: 'en',
        title: 'I was charged twice',
        body: 'A second charge is often a pending authorisation that your bank releases within 7 days. If both charges are still on your statement after that, tell us the order number and we refund the duplicate.',
      },
      {
        locale: 'zh-CN',
        title: '重复扣款怎么办',
        body: '第二笔扣款通常是银行的预授权，会在 7 天内自动释放。7 天后账单上仍有两笔扣款，请告诉我们订单号，我们会退还重复扣除的款项。',
      },
    ],
  },
  {
    id: 'delivery-tracking',
    category: 'delivery',
    skus: [],
    translations: [
      {
        locale: 'en',
        title: 'Where is my parcel? Tracking a delivery',
        body: 'Your shipping message has the carrier and the tracking number; the order page in the app shows the same. Tracking updates can lag a day behind the parcel. If the parcel shows delivered but you have not received it, check with neighbours and the parcel locker, then tell us within 48 hours.',
      },
      {
        locale: 'zh-CN',
        title: '快递查询：我的包裹到哪了',
        body: '发货通知里有快递公司和运单号，App 的订单页面也能看到。物流信息可能比包裹晚一天更新。显示已签收但没收到包裹，请先问问邻居、查看快递柜，并在 48 小时内联系我们。',
      },
    ],
  },
  {
    id: 'order-status',
    category: 'order_status',
    skus: [],
    translations: [
      {
        locale: 'en',
        title: 'What does my order status mean?',
        body: 'Placed: we have your order and payment. Packed: the warehouse has picked it. Shipped: the carrier has it, with a tracking number. Delivered: the carrier confirmed delivery, and your return window starts that day.',
      },
      {
        locale: 'zh-CN',
        title: '订单状态是什么意思',
        body: '已下单：我们已收到订单和付款。已打包：仓库已拣货。已发货：包裹已交给快递，可查询运单号。已签收：快递确认送达，退货期限从当天开始计算。',
      },
    ],
  },
  {
    id: 'warranty-coverage',
    category: 'product',
    skus: [],
    translations: [
      {
        locale: 'en',
        title: 'What does the warranty cover?',
        body: 'Electronics carry a 24-month warranty from delivery (headphones 12 months, large appliances 36 months). It covers faults in materials and manufacture, not drops, liquid damage or wear. Keep your order number: it is your proof of purchase.',
      },
      {
        locale: 'zh-CN',
        title: '保修范围和保修期',
        body: '电子产品自签收起保修 24 个月（耳机 12 个月，大家电 36 个月）。保修范围为材料和制造缺陷，不包括摔落、进水和正常磨损。请保留订单号作为购买凭证。',
      },
    ],
  },
];

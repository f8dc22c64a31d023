import type { Language, NotificationTemplate } from '../types';
import type { MessageWording } from './render';
import {
  caseTypeWords,
  complaintCategoryWords,
  newCaseWords,
  reasonIn,
  remedyWords,
  suggestionTopicWords,
  wordFor,
} from './words';

/**
 * What a customer reads for each template a workflow sends (activities/types.ts), in English and
 * Chinese: docs/notifications.md lists it all (`npm run docs`). A template without its words fails
 * the typecheck here. The sentences use only what the workflow sent: a customer's name or address
 * never enters a message's words, only the gateway's address line.
 *
 * The words are read as each message goes out, never in workflow code, so a change of wording
 * reaches the next message of every case, in flight or new, and no history has to replay it.
 */

/** What every message to a customer opens and ends with, around its own paragraphs. */
export const customerFrame: Record<Language, { greeting: string; link: string; closing: string; subject: string }> = {
  en: {
    greeting: 'Hello,',
    link: 'You can follow your case at any time here: {trackUrl}',
    closing: 'Kind regards,\nYour customer service team',
    subject: 'An update on your case',
  },
  'zh-CN': {
    greeting: '您好！',
    link: '您可以随时通过以下链接查看处理进度：{trackUrl}',
    closing: '祝您生活愉快！\n客户服务团队',
    subject: '您的服务单有新进展',
  },
};

/** A type the workflow sent as the case it is; nothing when there is no word for it. */
const caseType = (data: Record<string, unknown>, language: Language, key = 'caseType') => wordFor(caseTypeWords, data[key], language);

/** Visit and installation slots: the moved variant only when the workflow says it moved. */
function slotValues(data: Record<string, unknown>, format: Parameters<NonNullable<MessageWording['values']>>[1]) {
  const slot = format.slot(data.start, data.end);
  const day = format.day(data.start);
  const moved = data.rescheduled === true;
  return { slot, day, newSlot: moved ? slot : undefined, newDay: moved ? day : undefined, start: undefined, end: undefined };
}

const moneyValues = (data: Record<string, unknown>, format: Parameters<NonNullable<MessageWording['values']>>[1]) => ({
  amount: format.money(data.amount, data.currency),
});

const textList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : []);

export const customerMessages = {
  case_received: {
    values: (data, f) => ({ request: data.type === 'exchange' || data.type === 'return' ? wordFor(newCaseWords, data.type, f.language) : undefined }),
    en: {
      subject: ['We have received your {request}', 'We have received your request'],
      body: [
        ['Thank you for your {request}. We are now checking it against our return policy and will let you know the next step shortly.', 'Thank you for your request. We are now checking it against our return policy and will let you know the next step shortly.'],
      ],
    },
    'zh-CN': {
      subject: ['您的{request}已收到', '您的申请已收到'],
      body: [['感谢您提交{request}。我们正在根据退换货政策进行审核，审核结果会尽快通知您。', '感谢您提交申请。我们正在根据退换货政策进行审核，审核结果会尽快通知您。']],
    },
  },

  case_under_review: {
    en: {
      subject: 'Your request is being reviewed',
      body: ['A member of our team is now reviewing your request personally. We will let you know the outcome as soon as possible.'],
    },
    'zh-CN': {
      subject: '您的申请正在人工审核中',
      body: ['我们的工作人员正在对您的申请进行人工审核，审核完成后会第一时间通知您，请您耐心等待。'],
    },
  },

  case_rejected: {
    values: (data, f) => ({ reason: reasonIn(data.reason, f.language) }),
    en: {
      subject: 'Your request could not be approved',
      body: [
        'We are sorry, but we are unable to approve your request.',
        ['Reason: {reason}', ''],
        'If you believe this is a mistake or have any questions about it, please contact us and we will be glad to look into it.',
      ],
    },
    'zh-CN': {
      subject: '很抱歉，您的申请未能通过审核',
      body: ['很抱歉，您的申请未能通过审核。', ['原因：{reason}', ''], '如您对结果有任何疑问，欢迎随时联系我们，我们会认真为您核实。'],
    },
  },

  return_label: {
    en: {
      subject: 'Your return label is ready',
      body: [
        'Good news: your request has been approved and your return label is ready.',
        'Please download and print it here: {labelUrl}',
        'Pack the items securely, attach the label to the parcel and hand it to the carrier. Your tracking number is {trackingNumber}.',
      ],
    },
    'zh-CN': {
      subject: '您的申请已通过，退货面单已生成',
      body: ['您的申请已审核通过，退货面单已为您生成。', '请通过以下链接下载并打印面单：{labelUrl}', '请将商品妥善包装，贴好面单后交给快递员。运单号：{trackingNumber}。'],
    },
  },

  parcel_received: {
    en: {
      subject: 'We have received your parcel',
      body: ['Your parcel has arrived at our warehouse. We will now inspect the items and let you know as soon as this is done.'],
    },
    'zh-CN': {
      subject: '您寄回的包裹已签收',
      body: ['您寄回的包裹已到达我们的仓库，我们会尽快对商品进行质检，完成后将第一时间通知您。'],
    },
  },

  refund_issued: {
    values: moneyValues,
    en: {
      subject: ['Your refund of {amount} is on its way', 'Your refund is on its way'],
      body: [
        'We have refunded {amount} to your original payment method.',
        'Depending on your bank or payment provider, it may take a few working days to appear in your account.',
      ],
    },
    'zh-CN': {
      subject: ['您的退款 {amount} 已原路退回', '您的退款已原路退回'],
      body: ['我们已将 {amount} 按原支付方式退还给您。', '具体到账时间以银行或支付机构为准，一般需要几个工作日，请您留意查收。'],
    },
  },

  replacement_shipped: {
    values: (data, f) => ({ trackingNumbers: f.list(textList(data.trackingNumbers), 'codes') }),
    en: {
      subject: 'Your replacement is on its way',
      body: ['Your replacement has been sent. You can follow its delivery with tracking number {trackingNumbers}.'],
    },
    'zh-CN': {
      subject: '您的替换商品已发出',
      body: ['您的替换商品已经发出，运单号：{trackingNumbers}，请您留意查收。'],
    },
  },

  case_cancelled: {
    values: (data, f) => ({ reason: reasonIn(data.reason, f.language) }),
    en: {
      subject: 'Your request has been cancelled',
      body: [
        'Your request has been cancelled.',
        ['Reason: {reason}', ''],
        'If you did not expect this, or would like to start again, please contact us.',
      ],
    },
    'zh-CN': {
      subject: '您的申请已取消',
      body: ['您的申请已取消。', ['原因：{reason}', ''], '如非您本人操作，或需要重新申请，请随时联系我们。'],
    },
  },

  survey_request: {
    en: {
      subject: 'How did we do?',
      body: ['Your request is complete. We would love to hear how we did: it only takes a minute, and it helps us get better.'],
      link: 'Rate our service here: {trackUrl}',
    },
    'zh-CN': {
      subject: '诚邀您评价本次服务',
      body: ['您的申请已处理完毕。诚邀您花一分钟时间对本次服务进行评价，您的意见将帮助我们做得更好。'],
      link: '点击此处评价：{trackUrl}',
    },
  },

  feedback_request: {
    values: (data, f) => ({ caseType: caseType(data, f.language), closesAt: f.dateTime(data.closesAt) }),
    en: {
      subject: 'How did we do?',
      body: [
        ['We have finished handling your {caseType}.', 'We have finished handling your request.'],
        'We would be grateful if you could tell us how we did: just two quick questions.',
        ['The survey is open until {closesAt}.', ''],
      ],
      link: 'Rate our service here: {trackUrl}',
    },
    'zh-CN': {
      subject: '诚邀您评价本次服务',
      body: [['您的{caseType}已处理完毕。', '您的申请已处理完毕。'], '诚邀您花一分钟时间为我们的服务评分，只有两个小问题。', ['评价通道将于{closesAt}关闭。', '']],
      link: '点击此处评价：{trackUrl}',
    },
  },

  feedback_reminder: {
    values: (data, f) => ({ caseType: caseType(data, f.language), closesAt: f.dateTime(data.closesAt) }),
    en: {
      subject: 'A reminder: tell us how we did',
      body: [
        ['We recently asked how we did with your {caseType}. If you have a moment, we would still love to hear from you.', 'We recently asked how we did. If you have a moment, we would still love to hear from you.'],
        ['The survey closes on {closesAt}.', ''],
      ],
      link: 'Rate our service here: {trackUrl}',
    },
    'zh-CN': {
      subject: '温馨提醒：期待您的评价',
      body: [
        ['我们此前邀请您对本次{caseType}的处理进行评价。如您方便，我们仍然非常期待听到您的意见。', '我们此前邀请您对本次服务进行评价。如您方便，我们仍然非常期待听到您的意见。'],
        ['评价通道将于{closesAt}关闭。', ''],
      ],
      link: '点击此处评价：{trackUrl}',
    },
  },

  troubleshooting_guide: {
    en: {
      subject: 'Please try this before we book your repair',
      body: [
        'Thank you for your repair request. Many problems like yours can be solved in a few minutes, so before we book a repair, please try the following:',
        '{title}',
        ['{body}', 'You can read the guide here: {url}'],
        'Then please tell us whether this solved the problem. If it did not, we will book the repair for you straight away.',
      ],
      link: 'Tell us whether it helped here: {trackUrl}',
    },
    'zh-CN': {
      subject: '预约维修前，请先尝试以下方法',
      body: [
        '感谢您提交维修申请。许多类似的问题只需几分钟即可自行解决，因此在为您预约维修之前，请先尝试以下方法：',
        '{title}',
        ['{body}', '查看指南：{url}'],
        '操作完成后，请告诉我们问题是否已解决。如仍未解决，我们会立即为您预约维修。',
      ],
      link: '请在此告诉我们是否解决了问题：{trackUrl}',
    },
  },

  repair_ordered: {
    en: {
      subject: 'Your repair is booked',
      body: [
        'We have booked the repair of your product with our repair centre.',
        'Please send the product to the repair centre. We will keep you informed at every step, from its arrival to its way back to you.',
      ],
    },
    'zh-CN': {
      subject: '您的维修已预约',
      body: ['我们已为您的产品预约了维修中心的维修服务。', '请将产品寄往维修中心。从维修中心签收到修好寄回，每一步进展我们都会及时通知您。'],
    },
  },

  visit_booked: {
    values: slotValues,
    en: {
      subject: ['New time for your technician visit: {newDay}', 'Your technician visit is booked for {day}'],
      body: [
        ['Your technician visit has been moved. The new appointment is {newSlot}.', 'A technician will visit you on {slot}.'],
        'Please make sure someone is at home and the product is easy to reach. If this time does not suit you, please let us know as soon as possible.',
      ],
    },
    'zh-CN': {
      subject: ['您的上门服务已改约至{newDay}', '您的上门服务已预约：{day}'],
      body: [
        ['您的上门服务时间已调整，新的预约时间为：{newSlot}。', '技术人员将于{slot}上门为您服务。'],
        '届时请确保家中有人，并方便技术人员接触到产品。如该时间不便，请尽早告知我们。',
      ],
    },
  },

  repair_quote: {
    values: moneyValues,
    en: {
      subject: ['Your repair quote: {amount}', 'Your repair quote'],
      body: [
        'Our repair centre has examined your product. The repair is not covered by the warranty, and it would cost {amount}.',
        'Please tell us whether you would like to go ahead. If you approve the quote, we will start the repair straight away; if you decline it, we will send your product back unrepaired.',
      ],
      link: 'Approve or decline the quote here: {trackUrl}',
    },
    'zh-CN': {
      subject: ['您的维修报价：{amount}，请确认', '您的维修报价，请确认'],
      body: [
        '维修中心已完成对您产品的检测。此次维修不在保修范围内，维修费用为 {amount}。',
        '请告诉我们是否同意维修：确认报价后，我们将立即开始维修；如您拒绝报价，我们会将产品原样寄回给您。',
      ],
      link: '点击此处确认或拒绝报价：{trackUrl}',
    },
  },

  repair_shipped_back: {
    en: {
      subject: 'Your product is on its way back to you',
      body: [
        'Your product has left the repair centre and is on its way back to you. Your tracking number is {trackingNumber}.',
        'Once it has arrived, please confirm that you received it.',
      ],
      link: 'Confirm receipt here: {trackUrl}',
    },
    'zh-CN': {
      subject: '您的产品已寄回',
      body: ['您的产品已从维修中心寄出，正在寄回给您的途中。运单号：{trackingNumber}。', '收到产品后，请您确认收货。'],
      link: '点击此处确认收货：{trackUrl}',
    },
  },

  complaint_received: {
    values: (data, f) => ({ category: wordFor(complaintCategoryWords, data.category, f.language) }),
    en: {
      subject: 'We have received your complaint',
      body: [
        [
          'Thank you for telling us about this. We have received your complaint about {category} and passed it to the right person in our team.',
          'Thank you for telling us about this. We have received your complaint and passed it to the right person in our team.',
        ],
        'We are sorry for the trouble, and you will hear from us shortly.',
      ],
    },
    'zh-CN': {
      subject: '您的投诉已收到',
      body: [
        ['非常感谢您的反馈。我们已收到您关于{category}的投诉，并已转交给相关负责人处理。', '非常感谢您的反馈。我们已收到您的投诉，并已转交给相关负责人处理。'],
        '给您带来不便，我们深表歉意，我们会尽快与您联系。',
      ],
    },
  },

  complaint_acknowledged: {
    en: {
      subject: 'Your complaint is being handled',
      body: ['A member of our team has taken up your complaint and is now working on it personally. We will be in touch as soon as we have a solution or need more information from you.'],
    },
    'zh-CN': {
      subject: '您的投诉正在处理中',
      body: ['我们的工作人员已受理您的投诉，正在专门为您处理。一旦有解决方案或需要您补充信息，我们会第一时间与您联系。'],
    },
  },

  information_requested: {
    en: {
      subject: 'We need a little more information',
      body: ['To resolve your complaint, we need a little more information from you:', '{question}', 'As soon as we have your answer, we will continue.'],
      link: 'Reply here: {trackUrl}',
    },
    'zh-CN': {
      subject: '需要您补充一些信息',
      body: ['为了尽快解决您的投诉，我们需要您补充以下信息：', '{question}', '收到您的回复后，我们会立即继续为您处理。'],
      link: '点击此处回复：{trackUrl}',
    },
  },

  solution_proposed: {
    en: {
      subject: 'A solution for your complaint',
      body: ['We have looked into your complaint carefully and would like to propose the following solution:', '{solution}', 'Please let us know whether this settles the matter for you.'],
      link: 'Accept it or tell us more here: {trackUrl}',
    },
    'zh-CN': {
      subject: '关于您投诉的解决方案',
      body: ['我们已认真核查了您反映的问题，现为您提供以下解决方案：', '{solution}', '请告诉我们您是否接受该方案。'],
      link: '点击此处接受方案或告诉我们您的想法：{trackUrl}',
    },
  },

  suggestion_acknowledged: {
    values: (data, f) => ({ topic: wordFor(suggestionTopicWords, data.topic, f.language) }),
    en: {
      subject: 'Thank you for your suggestion',
      body: [
        [
          'Thank you for your suggestion about {topic}. We have passed it to the team responsible, who will read it carefully and answer you.',
          'Thank you for your suggestion. We have passed it to the team responsible, who will read it carefully and answer you.',
        ],
        'Ideas from customers like you help us get better.',
      ],
    },
    'zh-CN': {
      subject: '感谢您的宝贵建议',
      body: [
        ['感谢您就{topic}方面提出的宝贵建议，我们已将其转交给相关团队，他们会认真阅读并给您答复。', '感谢您提出的宝贵建议，我们已将其转交给相关团队，他们会认真阅读并给您答复。'],
        '您的意见是我们不断进步的动力。',
      ],
    },
  },

  suggestion_answered: {
    en: {
      subject: 'Our answer to your suggestion',
      body: ['Thank you again for your suggestion. Here is our team’s answer:', '{answer}', 'We appreciate you taking the time to help us improve.'],
    },
    'zh-CN': {
      subject: '关于您建议的答复',
      body: ['再次感谢您的建议，以下是我们团队的答复：', '{answer}', '感谢您抽出宝贵时间帮助我们改进。'],
    },
  },

  inquiry_order_status: {
    values: (data, f) => {
      const items = Array.isArray(data.items)
        ? data.items.flatMap((item: { sku?: unknown; quantity?: unknown }) =>
            typeof item?.sku === 'string' ? [typeof item.quantity === 'number' ? `${item.sku} × ${item.quantity}` : item.sku] : [],
          )
        : [];
      return {
        purchasedOn: f.date(data.purchasedAt),
        deliveredOn: data.status === 'delivered' ? f.date(data.deliveredAt) : undefined,
        items: f.list(items, 'codes'),
        purchasedAt: undefined,
        deliveredAt: undefined,
        status: undefined,
      };
    },
    en: {
      subject: ['The status of your order {orderId}', 'The status of your order'],
      body: [
        'Here is the latest on your order {orderId}, placed on {purchasedOn}:',
        ['It was delivered on {deliveredOn}.', 'It has not been delivered yet and is on its way to you.'],
        ['Items: {items}', ''],
        'If this does not answer your question, just let us know and a member of our team will help you further.',
      ],
      link: 'Tell us whether this answered your question: {trackUrl}',
    },
    'zh-CN': {
      subject: ['订单 {orderId} 的最新状态', '您的订单最新状态'],
      body: [
        '您的订单 {orderId}（下单日期：{purchasedOn}）的最新状态如下：',
        ['该订单已于{deliveredOn}签收。', '该订单尚未送达，正在配送途中。'],
        ['商品：{items}', ''],
        '如果以上信息没有解答您的问题，请告诉我们，我们的客服人员会为您进一步处理。',
      ],
      link: '请告诉我们是否解决了您的问题：{trackUrl}',
    },
  },

  inquiry_answered_automatically: {
    en: {
      subject: ['About your question: {title}', 'An answer to your question'],
      body: [
        'Thank you for your question. We think this article answers it:',
        '{title}',
        '{body}',
        'Did this help? Please let us know. If it did not, a member of our team will take over.',
      ],
      link: 'Tell us whether it helped here: {trackUrl}',
    },
    'zh-CN': {
      subject: ['关于您的咨询：{title}', '您咨询问题的解答'],
      body: ['感谢您的咨询。以下内容应该可以解答您的问题：', '{title}', '{body}', '请告诉我们是否解决了您的问题；如未解决，我们的客服人员将为您继续跟进。'],
      link: '请在此告诉我们是否解决了您的问题：{trackUrl}',
    },
  },

  inquiry_handed_over: {
    values: (data, f) => ({ within: f.duration(data.withinMs), withinMs: undefined }),
    en: {
      subject: 'A member of our team will answer your question',
      body: [
        [
          'We have passed your question to a member of our team, who will answer you personally within {within} during our opening hours.',
          'We have passed your question to a member of our team, who will answer you personally as soon as possible.',
        ],
      ],
    },
    'zh-CN': {
      subject: '您的问题已转交人工客服',
      body: [['我们已将您的问题转交给人工客服，客服人员将在{within}内（按工作时间计算）为您答复。', '我们已将您的问题转交给人工客服，客服人员会尽快为您答复。']],
    },
  },

  inquiry_answered: {
    en: {
      subject: 'The answer to your question',
      body: ['Thank you for your patience. Here is our team’s answer to your question:', '{answer}', 'If you have any further questions, we are happy to help.'],
    },
    'zh-CN': {
      subject: '您咨询问题的答复',
      body: ['感谢您的耐心等待，以下是我们客服人员对您问题的答复：', '{answer}', '如还有其他问题，欢迎随时咨询。'],
    },
  },

  inquiry_converted: {
    values: (data, f) => ({ newCase: wordFor(newCaseWords, data.type, f.language), type: undefined }),
    en: {
      subject: ['We have opened a {newCase} for you', 'We have opened a new case for you'],
      body: [
        [
          'To help you further, we have opened a {newCase} for you (reference {caseId}).',
          'To help you further, we have opened a new case for you (reference {caseId}).',
        ],
        'We will keep you informed about it in separate messages.',
      ],
    },
    'zh-CN': {
      subject: ['已为您创建{newCase}', '已为您创建新的服务单'],
      body: [
        ['为了更好地帮您解决问题，我们已根据您的咨询为您创建了{newCase}（单号：{caseId}）。', '为了更好地帮您解决问题，我们已根据您的咨询为您创建了新的服务单（单号：{caseId}）。'],
        '后续进展我们会另行通知您。',
      ],
    },
  },

  installation_offered: {
    values: (data, f) => ({ until: f.dateTime(data.until) }),
    en: {
      subject: ['Shall we install your new product? (order {orderId})', 'Shall we install your new product?'],
      body: [
        'Your product ({sku}) from order {orderId} has been delivered.',
        'Would you like one of our technicians to come and install it? They will also unpack it with you and check it for any damage or defects.',
        ['Please let us know by {until}.', ''],
      ],
      link: 'Accept or decline the installation here: {trackUrl}',
    },
    'zh-CN': {
      subject: ['需要为您上门安装吗？（订单 {orderId}）', '需要为您上门安装吗？'],
      body: [
        '您订单 {orderId} 中的商品（{sku}）已送达。',
        '如有需要，我们可以安排安装师傅上门为您安装，并与您一起开箱验货，确认商品完好无损。',
        ['请在{until}前告诉我们您是否需要安装。', ''],
      ],
      link: '点击此处预约或谢绝安装：{trackUrl}',
    },
  },

  installation_booked: {
    values: slotValues,
    en: {
      subject: ['New time for your installation: {newDay}', 'Your installation is booked for {day}'],
      body: [
        ['The installation of your product ({sku}) has been moved. The new appointment is {newSlot}.', 'Our technician will install your product ({sku}) on {slot}.'],
        'The technician will unpack it with you and check it for damage or defects before installing it.',
        'Please make sure someone is at home and there is clear access to where it should go.',
      ],
    },
    'zh-CN': {
      subject: ['您的安装时间已改约至{newDay}', '您的安装已预约：{day}'],
      body: [
        ['您的商品（{sku}）的安装时间已调整，新的预约时间为：{newSlot}。', '安装师傅将于{slot}上门为您安装商品（{sku}）。'],
        '师傅会与您一起开箱验货，确认商品完好无损后再进行安装。',
        '届时请确保家中有人，并提前清理好安装位置。',
      ],
    },
  },

  installation_completed: {
    en: {
      subject: 'Your product is installed',
      body: ['Our technician has installed your product ({sku}) and checked it as it was unpacked. We hope you enjoy it!'],
    },
    'zh-CN': {
      subject: '您的商品已安装完成',
      body: ['师傅已为您完成商品（{sku}）的开箱验货和安装。祝您使用愉快！'],
    },
  },

  installation_defect_found: {
    values: (data, f) => ({
      remedies: f.list(textList(data.remedies).map((r) => wordFor(remedyWords, r, f.language) ?? ''), 'or'),
    }),
    en: {
      subject: 'We found a problem with your product',
      body: [
        'When unpacking your product ({sku}), our technician found a defect:',
        '{defect}',
        'We are very sorry about this.',
        ['Please tell us whether you would like {remedies}, in our app or by phone, and we will arrange it for you.', 'We will contact you shortly to put it right.'],
      ],
    },
    'zh-CN': {
      subject: '开箱验货时发现商品问题',
      body: [
        '师傅在为您开箱验货时，发现商品（{sku}）存在以下问题：',
        '{defect}',
        '非常抱歉给您带来不便。',
        ['请通过我们的 App 或致电客服告诉我们您希望{remedies}，我们会尽快为您安排。', '我们会尽快与您联系，为您妥善处理。'],
      ],
    },
  },
} satisfies Record<NotificationTemplate, MessageWording>;

// A deterministic, realistic-looking catalogue for the benchmark: what a cross-border reseller
// of Japanese, Korean, American and European goods might hold. Varied SKU styles, English names,
// Chinese local names on most products, EAN-13 barcodes with valid GS1 check digits, HS codes,
// and about 20% variants (colour / size / shade) hanging under parent products.
import { gs1CheckDigit } from '../../main/common/codes';
import type { Input } from '../../main/common/api';

import { seededRandom as rng } from '../../main/common/random';

export { rng };

export const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

type Pair = readonly [en: string, zh: string];

interface Category {
  name: string;
  abbr: string;
  hs: string[];
  nouns: Pair[];
  adjectives: string[];
  sizes: string[];
  /** variant axis, if this kind of product comes in variants */
  variants?: { key: string; values: string[] };
  /** typical unit cost in CNY */
  cost: [number, number];
  weight: [number, number];
}

const COLOURS = ['Black', 'White', 'Navy', 'Grey', 'Beige', 'Red', 'Pink', 'Green', 'Blue', 'Brown'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];

const CATEGORIES: Category[] = [
  {
    name: 'Skincare', abbr: 'SKN', hs: ['330499'], cost: [25, 400], weight: [40, 400],
    nouns: [['Essence', '精华'], ['Toner', '爽肤水'], ['Lotion', '乳液'], ['Serum', '精华液'], ['Cleansing Foam', '洁面泡沫'], ['Sunscreen SPF50+', '防晒霜'], ['Sheet Mask 10 pcs', '面膜'], ['Eye Cream', '眼霜'], ['Cleansing Oil', '卸妆油'], ['Sleeping Mask', '睡眠面膜'], ['UV Essence', '防晒精华'], ['Moisture Cream', '保湿面霜']],
    adjectives: ['Hydrating', 'Brightening', 'Aqua', 'Premium', 'Gentle', 'Vitamin C', 'Hyaluronic', 'Collagen', 'Rice', 'Green Tea', 'Snail Mucin', 'Ceramide', 'Cica', 'Perfect', 'Deep'],
    sizes: ['30ml', '50ml', '100ml', '150ml', '200ml', '50g', '80g', '120g'],
  },
  {
    name: 'Cosmetics', abbr: 'COS', hs: ['330410', '330420', '330491'], cost: [20, 300], weight: [10, 120],
    nouns: [['Lipstick', '口红'], ['Lip Tint', '唇釉'], ['Cushion Foundation', '气垫粉底'], ['Eyeliner', '眼线笔'], ['Mascara', '睫毛膏'], ['Eyeshadow Palette', '眼影盘'], ['Blush', '腮红'], ['Setting Powder', '散粉'], ['Concealer', '遮瑕膏']],
    adjectives: ['Melty', 'Velvet', 'Matte', 'Glow', 'Long Wear', 'Dewy', 'Silky', 'Juicy', 'Airy'],
    sizes: ['3g', '4g', '5ml', '8g', '15g'],
    variants: { key: 'shade', values: ['01 Coral', '02 Rose', '03 Brick', '04 Nude', '05 Berry', '17C1', '21N1', '23N1'] },
  },
  {
    name: 'Hair care', abbr: 'HAI', hs: ['330510', '330590'], cost: [20, 200], weight: [100, 700],
    nouns: [['Shampoo', '洗发水'], ['Conditioner', '护发素'], ['Hair Oil', '护发精油'], ['Hair Mask', '发膜'], ['Scalp Serum', '头皮精华']],
    adjectives: ['Premium Moist', 'Repair', 'Smooth', 'Volume', 'Scalp Care', 'Botanical'],
    sizes: ['100ml', '250ml', '490ml', '500ml', '1L refill'],
  },
  {
    name: 'Health', abbr: 'HLT', hs: ['210690', '300490'], cost: [15, 350], weight: [20, 700],
    nouns: [['Vitamin C Tablets', '维生素C片'], ['Fish Oil Softgels', '鱼油软胶囊'], ['Collagen Drink', '胶原蛋白饮'], ['Probiotic Powder', '益生菌粉'], ['Eye Drops', '眼药水'], ['Lutein', '叶黄素'], ['Calcium + D3', '钙+维生素D3'], ['Multivitamin', '复合维生素']],
    adjectives: ['Daily', 'Kids', 'Women’s', 'Men’s', 'High Strength', 'Organic'],
    sizes: ['60 tablets', '90 softgels', '30 sachets', '120 capsules', '12ml', '400 softgels'],
  },
  {
    name: 'Snacks', abbr: 'SNK', hs: ['190531', '180690', '190230', '170490'], cost: [8, 120], weight: [50, 900],
    nouns: [['Matcha Cookies', '抹茶饼干'], ['Milk Chocolate', '牛奶巧克力'], ['Instant Ramen 5-pack', '方便面五连包'], ['Rice Crackers', '米饼'], ['Gummy Candy', '软糖'], ['Potato Chips', '薯片'], ['Mochi', '麻薯'], ['Honey Butter Chips', '蜂蜜黄油薯片']],
    adjectives: ['Hokkaido', 'Uji', 'Spicy', 'Original', 'Limited Edition', 'Family Size', 'Sakura'],
    sizes: ['12 pcs', '24 pcs', '150g', '300g', '5 x 140g'],
  },
  {
    name: 'Baby', abbr: 'BAB', hs: ['961900', '190110'], cost: [30, 300], weight: [100, 2500],
    nouns: [['Diapers', '纸尿裤'], ['Baby Wipes', '湿巾'], ['Infant Formula Stage 1', '婴儿奶粉1段'], ['Baby Lotion', '婴儿润肤乳'], ['Teether', '牙胶']],
    adjectives: ['Gentle', 'Premium', 'Natural', 'Sensitive'],
    sizes: ['64 pcs', '80 x 3', '800g', '200ml'],
    variants: { key: 'size', values: ['NB', 'S', 'M', 'L', 'XL'] },
  },
  {
    name: 'Apparel', abbr: 'APP', hs: ['610910', '611020', '620462'], cost: [40, 600], weight: [100, 900],
    nouns: [['Cotton T-shirt', '纯棉T恤'], ['Hoodie', '连帽卫衣'], ['Chino Trousers', '休闲裤'], ['Down Vest', '羽绒背心'], ['Knit Cardigan', '针织开衫'], ['Socks 3-pack', '袜子三双装']],
    adjectives: ['Essentials', 'Oversized', 'Slim Fit', 'Heavyweight', 'Merino', 'Linen Blend'],
    sizes: [''],
    variants: { key: 'size', values: SIZES },
  },
  {
    name: 'Bags', abbr: 'BAG', hs: ['420222', '420221'], cost: [60, 1500], weight: [100, 1200],
    nouns: [['Canvas Tote', '帆布托特包'], ['Backpack', '双肩包'], ['Crossbody Bag', '斜挎包'], ['Card Holder', '卡包'], ['Travel Pouch', '旅行收纳袋']],
    adjectives: ['Classic', 'Mini', 'Large', 'Leather', 'Nylon', 'Quilted'],
    sizes: [''],
    variants: { key: 'colour', values: COLOURS },
  },
  {
    name: 'Toys', abbr: 'TOY', hs: ['950300'], cost: [20, 500], weight: [50, 1500],
    nouns: [['Building Blocks Set', '积木套装'], ['Plush Toy', '毛绒玩具'], ['Blind Box Figure', '盲盒手办'], ['Puzzle 1000 pieces', '1000片拼图'], ['Model Kit', '拼装模型']],
    adjectives: ['Hello Kitty', 'Pokémon', 'Sanrio', 'Gundam', 'Classic', 'Deluxe'],
    sizes: ['', 'Series 3', 'Series 5'],
  },
  {
    name: 'Kitchen', abbr: 'KIT', hs: ['732393', '691200', '821192'], cost: [25, 600], weight: [150, 2000],
    nouns: [['Stainless Bento Box', '不锈钢便当盒'], ['Ceramic Bowl Set', '陶瓷碗套装'], ['Chef Knife', '主厨刀'], ['Vacuum Tumbler', '保温杯'], ['Rice Cooker Liner', '电饭煲内胆']],
    adjectives: ['Classic', 'Compact', 'Japanese', 'Premium'],
    sizes: ['', '360ml', '480ml', '600ml', '21cm'],
  },
  {
    name: 'Tea & coffee', abbr: 'TEA', hs: ['090210', '090121', '210111'], cost: [15, 250], weight: [50, 600],
    nouns: [['Sencha Green Tea', '煎茶'], ['Drip Coffee 20 bags', '挂耳咖啡20包'], ['Matcha Powder', '抹茶粉'], ['Barley Tea', '大麦茶'], ['Oolong Tea', '乌龙茶'], ['Earl Grey', '伯爵红茶']],
    adjectives: ['Uji', 'Premium', 'Organic', 'Decaf', 'Special Blend'],
    sizes: ['50g', '100g', '200g', '40 bags'],
  },
  {
    name: 'Stationery', abbr: 'STA', hs: ['960810', '482010'], cost: [5, 200], weight: [10, 400],
    nouns: [['Gel Pen 0.5', '中性笔0.5'], ['Notebook A5', 'A5笔记本'], ['Highlighter Set', '荧光笔套装'], ['Washi Tape', '和纸胶带'], ['Mechanical Pencil', '自动铅笔'], ['Fountain Pen', '钢笔']],
    adjectives: ['Classic', 'Slim', 'Pastel', 'Pro'],
    sizes: ['', '5 pcs', '10 pcs'],
    variants: { key: 'colour', values: ['Black', 'Blue', 'Red', 'Green', 'Pink', 'Purple'] },
  },
  {
    name: 'Electronics', abbr: 'ELE', hs: ['854442', '850760', '851830', '392690'], cost: [20, 800], weight: [20, 400],
    nouns: [['USB-C Cable 1m', 'USB-C数据线1米'], ['Power Bank 10000mAh', '充电宝10000毫安'], ['Wireless Earbuds', '无线耳机'], ['Phone Case', '手机壳'], ['Travel Adapter', '旅行转换插头']],
    adjectives: ['Fast Charge', 'Slim', 'Pro', 'Mini', 'Magnetic'],
    sizes: [''],
  },
  {
    name: 'Pet', abbr: 'PET', hs: ['230910'], cost: [10, 200], weight: [50, 6000],
    nouns: [['Cat Treats', '猫零食'], ['Dog Chews', '狗咬胶'], ['Cat Litter 6L', '猫砂6升'], ['Grain-free Kibble', '无谷粮']],
    adjectives: ['Tuna', 'Chicken', 'Salmon', 'Natural'],
    sizes: ['', '60g', '1.5kg', '5kg'],
  },
];

interface Brand {
  en: string;
  zh: string | null;
  abbr: string;
  code: string;
}
export type Origin = 'JP' | 'KR' | 'US' | 'FR' | 'DE' | 'GB' | 'IT' | 'AU' | 'TW' | 'TH';

// EAN prefixes (GS1 member organisations) by country of origin
const GS1: Record<Origin, string> = { JP: '49', KR: '880', US: '00', FR: '30', DE: '40', GB: '50', IT: '80', AU: '93', TW: '471', TH: '885' };

const BRANDS: Record<Origin, [string, string | null][]> = {
  JP: [['Biore', '碧柔'], ['Shiseido', '资生堂'], ['Kao', '花王'], ['Rohto', '乐敦'], ['DHC', null], ['Muji', '无印良品'], ['Calbee', '卡乐比'], ['Meiji', '明治'], ['Pigeon', '贝亲'], ['Sanrio', '三丽鸥'], ['Pilot', '百乐'], ['Zojirushi', '象印'], ['Kose', '高丝'], ['Canmake', '井田'], ['Lion', '狮王'], ['Unicharm', '尤妮佳'], ['Itoen', '伊藤园'], ['Bandai', '万代']],
  KR: [['COSRX', null], ['Laneige', '兰芝'], ['Innisfree', '悦诗风吟'], ['Sulwhasoo', '雪花秀'], ['Samyang', '三养'], ['Nongshim', '农心'], ['Etude', '伊蒂之屋'], ['Hera', '赫妍'], ['Missha', '谜尚'], ['Lotte', '乐天'], ['Romand', null]],
  US: [['Kirkland', '科克兰'], ['Nature Made', '天维美'], ['Carters', '卡特'], ['Coach', '蔻驰'], ['Anker', '安克'], ['Burts Bees', '小蜜蜂'], ['Hersheys', '好时'], ['Neutrogena', '露得清'], ['Hasbro', '孩之宝'], ['Stanley', null]],
  FR: [['La Roche-Posay', '理肤泉'], ['Avene', '雅漾'], ['Bioderma', '贝德玛'], ['LOccitane', '欧舒丹']],
  DE: [['Nivea', '妮维雅'], ['Balea', null], ['Aptamil', '爱他美'], ['Haribo', '哈瑞宝'], ['Lamy', '凌美'], ['WMF', '福腾宝']],
  GB: [['Boots', '博姿'], ['Twinings', '川宁'], ['Cadbury', '吉百利']],
  IT: [['Kiko', null], ['Lavazza', '乐维萨'], ['Ferrero', '费列罗']],
  AU: [['Swisse', '斯维诗'], ['Blackmores', '澳佳宝'], ['Bio Island', '佰澳朗德'], ['Aesop', '伊索']],
  TW: [['I-Mei', '义美'], ['Dr. Wu', '达尔肤']],
  TH: [['Mistine', null], ['Snake Brand', '蛇牌']],
};

// how much of the catalogue comes from where
const ORIGIN_WEIGHTS: [Origin, number][] = [['JP', 40], ['KR', 22], ['US', 14], ['FR', 5], ['DE', 5], ['GB', 3], ['IT', 2], ['AU', 5], ['TW', 2], ['TH', 2]];

const brands: Record<string, Brand[]> = Object.fromEntries(
  Object.entries(BRANDS).map(([origin, list]) => [
    origin,
    list.map(([en, zh], i) => ({ en, zh, abbr: en.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase().padEnd(3, 'X'), code: String(100 + i * 37 + origin.charCodeAt(0)).slice(-3) })),
  ]),
);

export type ProductInput = Input<'products.create'>;

export interface PlannedProduct {
  /** index of the parent in the same plan; the parent is created first */
  parentIndex: number | null;
  isParent: boolean;
  origin: Origin;
  /** unit cost in CNY minor units (fen) */
  costMinor: number;
  input: ProductInput;
}

/**
 * The plan of `total` products, in creation order (a parent directly before its variants).
 * About 20% of them are variants, ~8% their parents, the rest simple products.
 */
export function planCatalogue(total: number, seed = 7): PlannedProduct[] {
  const rand = rng(seed);
  const out: PlannedProduct[] = [];
  const originTotal = ORIGIN_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const pickOrigin = (): Origin => {
    let r = rand() * originTotal;
    for (const [o, w] of ORIGIN_WEIGHTS) if ((r -= w) < 0) return o;
    return 'JP';
  };
  let serial = 0;
  const variantCats = CATEGORIES.filter((c) => c.variants);
  while (out.length < total) {
    serial++;
    const left = total - out.length;
    // ~20% variants: a parent with 2–4 variants about one time in 12
    const asParent = left >= 5 && rand() < 0.085;
    const cat = asParent ? pick(rand, variantCats) : pick(rand, CATEGORIES);
    const origin = pickOrigin();
    const brand = pick(rand, brands[origin]!);
    const [nounEn, nounZh] = pick(rand, cat.nouns);
    const adj = pick(rand, cat.adjectives);
    const size = pick(rand, cat.sizes);
    const name = [brand.en, adj, nounEn, size].filter(Boolean).join(' ');
    const localName = brand.zh && rand() < 0.85 ? `${brand.zh}${nounZh}${size && !/^[A-Za-z]/.test(size) ? ' ' + size : ''}` : rand() < 0.3 ? nounZh : null;
    const style = rand();
    const sku =
      style < 0.55
        ? `${origin}-${cat.abbr}-${String(serial).padStart(5, '0')}`
        : style < 0.85
          ? `${brand.abbr}${(serial * 7919).toString(36).toUpperCase()}`
          : `${cat.abbr.toLowerCase()}_${origin.toLowerCase()}_${serial}`;
    const costMinor = Math.round((cat.cost[0] + (cat.cost[1] - cat.cost[0]) * rand() ** 2) * 100);
    const weightG = Math.round(cat.weight[0] + (cat.weight[1] - cat.weight[0]) * rand());
    const base: ProductInput = {
      sku,
      name,
      localName,
      brand: brand.en,
      category: cat.name,
      hsCode: pick(rand, cat.hs),
      originCountry: origin,
      weightG,
      lengthMm: rand() < 0.6 ? 50 + Math.floor(rand() * 300) : null,
      widthMm: null,
      heightMm: null,
      packSize: rand() < 0.08 ? pick(rand, [6, 12, 24]) : 1,
      defaultSupplier: rand() < 0.7 ? `${brand.en} ${origin === 'JP' ? 'K.K.' : origin === 'KR' ? 'Co., Ltd.' : 'Distribution'}` : null,
      lowStockThreshold: rand() < 0.5 ? pick(rand, [3, 5, 10, 20]) : null,
      notes: rand() < 0.05 ? 'Fragile: double-box for air freight' : null,
    };
    const barcode = (n: number) => {
      const prefix = GS1[origin] + brand.code;
      const body = prefix + String(n).padStart(12 - prefix.length, '0');
      return body + gs1CheckDigit(body);
    };
    if (!asParent) {
      out.push({ parentIndex: null, isParent: false, origin, costMinor, input: { ...base, barcode: rand() < 0.93 ? barcode(out.length + 1) : null } });
      continue;
    }
    const parentIndex = out.length;
    out.push({ parentIndex: null, isParent: true, origin, costMinor, input: { ...base, barcode: null, lowStockThreshold: null } });
    const axis = cat.variants!;
    const count = Math.min(left - 1, 2 + Math.floor(rand() * 3));
    const start = Math.floor(rand() * axis.values.length);
    for (let v = 0; v < count; v++) {
      const value = axis.values[(start + v) % axis.values.length]!;
      out.push({
        parentIndex,
        isParent: false,
        origin,
        costMinor,
        input: {
          ...base,
          sku: `${sku}-${value.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`,
          name: `${name} – ${value}`,
          barcode: barcode(out.length + 1),
          options: { [axis.key]: value },
          lowStockThreshold: base.lowStockThreshold ?? 3,
        },
      });
    }
  }
  return out;
}

import type { ProductCategory } from '../../workflows/repairs/vocabulary';

/**
 * What the simulated shop sells: electronics the repair process knows how to route, and fashion,
 * which comes back as returns. Prices in EUR cents. The SKUs the demo and the recorded scenarios
 * use are among them, so an order of the catalogue can be the order of a scripted case. Most
 * products are made by partner brands, whose returns and ratings the shop governs
 * (docs/partners.md); the basics (hoodies, T-shirts, scarves, kettles) are the shop's own label.
 */

export type FashionCategory = 'shoes' | 'apparel';

export interface Product {
  sku: string;
  category: ProductCategory | FashionCategory;
  unitPrice: number;
  /** The partner brand that makes it; absent for the shop's own label. */
  brand?: string;
}

/** The partner brands of the catalogue. */
export const partnerBrands = ['stride', 'northline', 'kestrel', 'aurora-audio', 'hearth-home', 'polaris'] as const;
type PartnerBrand = (typeof partnerBrands)[number];

const made = (brand: PartnerBrand, products: Omit<Product, 'brand'>[]): Product[] => products.map((p) => ({ ...p, brand }));

export const fashion: readonly Product[] = [
  ...made('stride', [
    { sku: 'SNEAKER-40', category: 'shoes', unitPrice: 8_900 },
    { sku: 'SNEAKER-41', category: 'shoes', unitPrice: 8_900 },
    { sku: 'SNEAKER-42', category: 'shoes', unitPrice: 8_900 },
    { sku: 'SNEAKER-43', category: 'shoes', unitPrice: 8_900 },
    { sku: 'SNEAKER-44', category: 'shoes', unitPrice: 8_900 },
    { sku: 'BOOT-38', category: 'shoes', unitPrice: 14_900 },
    { sku: 'BOOT-40', category: 'shoes', unitPrice: 14_900 },
    { sku: 'LOAFER-42', category: 'shoes', unitPrice: 11_900 },
    { sku: 'SANDAL-39', category: 'shoes', unitPrice: 4_900 },
  ]),
  { sku: 'HOODIE-S', category: 'apparel', unitPrice: 5_500 },
  { sku: 'HOODIE-M', category: 'apparel', unitPrice: 5_500 },
  { sku: 'HOODIE-L', category: 'apparel', unitPrice: 5_900 },
  { sku: 'TSHIRT-M', category: 'apparel', unitPrice: 1_900 },
  { sku: 'TSHIRT-L', category: 'apparel', unitPrice: 1_900 },
  ...made('northline', [
    { sku: 'JEANS-32', category: 'apparel', unitPrice: 7_900 },
    { sku: 'DRESS-38', category: 'apparel', unitPrice: 6_900 },
    { sku: 'JACKET-M', category: 'apparel', unitPrice: 15_900 },
    { sku: 'COAT-L', category: 'apparel', unitPrice: 22_900 },
  ]),
  { sku: 'SCARF-1', category: 'apparel', unitPrice: 2_900 },
];

export const electronics: readonly Product[] = [
  ...made('kestrel', [
    { sku: 'PHONE-X', category: 'phone', unitPrice: 89_900 },
    { sku: 'PHONE-LITE', category: 'phone', unitPrice: 39_900 },
    { sku: 'LAPTOP-14', category: 'laptop', unitPrice: 119_900 },
    { sku: 'LAPTOP-15', category: 'laptop', unitPrice: 149_900 },
  ]),
  ...made('aurora-audio', [
    { sku: 'BUDS-1', category: 'headphones', unitPrice: 7_900 },
    { sku: 'BUDS-2', category: 'headphones', unitPrice: 12_900 },
    { sku: 'HEADSET-PRO', category: 'headphones', unitPrice: 29_900 },
  ]),
  { sku: 'KETTLE-1', category: 'small_appliance', unitPrice: 4_900 },
  ...made('hearth-home', [
    { sku: 'BLENDER-2', category: 'small_appliance', unitPrice: 8_900 },
    { sku: 'VACUUM-5', category: 'small_appliance', unitPrice: 24_900 },
    { sku: 'COFFEE-3', category: 'small_appliance', unitPrice: 34_900 },
    { sku: 'FRIDGE-9', category: 'large_appliance', unitPrice: 119_900 },
    { sku: 'WASHER-7', category: 'large_appliance', unitPrice: 69_900 },
    { sku: 'DISHWASHER-6', category: 'large_appliance', unitPrice: 59_900 },
  ]),
  ...made('polaris', [
    { sku: 'TV-43', category: 'tv', unitPrice: 49_900 },
    { sku: 'TV-55', category: 'tv', unitPrice: 89_900 },
    { sku: 'TV-65', category: 'tv', unitPrice: 149_900 },
  ]),
];

const bySku = new Map([...fashion, ...electronics].map((product) => [product.sku, product]));

export function findProduct(sku: string): Product | undefined {
  return bySku.get(sku);
}

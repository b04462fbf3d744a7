import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { paths } from '../../../config/paths';

export function NoShopYet() {
  return (
    <EmptyState
      title="You have not opened your shop yet"
      action={
        <Link to={paths.vendor.shop.href()} className="button is-primary">
          Create your shop
        </Link>
      }
    >
      Pick a name, a colour, a logo and a cover; then add products.
    </EmptyState>
  );
}
